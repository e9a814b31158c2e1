package dev.idflow.report;

import dev.idflow.check.RuleInfo;
import dev.idflow.check.Rules;
import dev.idflow.model.SourceFile;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.FailLevel;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML for CI test tabs: one test suite per check, one test case per check and policy
 * file, a failure for the findings at or above the fail level, the rest as the case's output.
 * Written with the JDK's DOM and transformer, so every text is escaped.
 */
public final class JunitReport {

    private JunitReport() {
    }

    public static String render(Analysis analysis, List<Diagnostic> findings, FailLevel failOn) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suites = doc.createElement("testsuites");
            suites.setAttribute("name", "idflow");
            doc.appendChild(suites);
            int tests = 0;
            int failures = 0;
            List<String> files = files(analysis, findings);
            for (RuleInfo rule : Rules.all()) {
                Element suite = doc.createElement("testsuite");
                suite.setAttribute("name", rule.code() + " " + rule.title());
                int suiteFailures = 0;
                for (String file : files) {
                    List<Diagnostic> here = new ArrayList<>();
                    for (Diagnostic d : findings) {
                        if (d.code().equals(rule.code()) && analysis.display(d.span().file()).equals(file)) {
                            here.add(d);
                        }
                    }
                    Element c = doc.createElement("testcase");
                    c.setAttribute("classname", "idflow." + rule.code());
                    c.setAttribute("name", file);
                    if (testCase(doc, c, analysis, here, failOn)) {
                        suiteFailures++;
                    }
                    suite.appendChild(c);
                }
                suite.setAttribute("tests", String.valueOf(files.size()));
                suite.setAttribute("failures", String.valueOf(suiteFailures));
                suite.setAttribute("errors", "0");
                suite.setAttribute("skipped", "0");
                tests += files.size();
                failures += suiteFailures;
                suites.appendChild(suite);
            }
            suites.setAttribute("tests", String.valueOf(tests));
            suites.setAttribute("failures", String.valueOf(failures));
            suites.setAttribute("errors", "0");
            return serialize(doc);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support is broken", e);
        }
    }

    /** Fills a test case; true when it failed. */
    private static boolean testCase(Document doc, Element c, Analysis analysis, List<Diagnostic> here,
            FailLevel failOn) {
        StringBuilder failed = new StringBuilder();
        StringBuilder other = new StringBuilder();
        String firstFailure = null;
        for (Diagnostic d : here) {
            String line = TextReport.line(analysis, d) + (d.help() == null ? "" : "\n  help: " + d.help()) + "\n";
            if (failOn.trips(d.severity())) {
                firstFailure = firstFailure == null ? d.message() : firstFailure;
                failed.append(line);
            } else {
                other.append(line);
            }
        }
        if (firstFailure != null) {
            Element f = doc.createElement("failure");
            f.setAttribute("message", firstFailure);
            f.setAttribute("type", here.get(0).code());
            f.setTextContent(failed.toString());
            c.appendChild(f);
        }
        if (other.length() > 0) {
            Element out = doc.createElement("system-out");
            out.setTextContent(other.toString());
            c.appendChild(out);
        }
        return firstFailure != null;
    }

    /** Every policy file as displayed, plus any file a finding names that was not read. */
    private static List<String> files(Analysis analysis, List<Diagnostic> findings) {
        Map<String, Boolean> files = new LinkedHashMap<>();
        for (SourceFile f : analysis.sources()) {
            files.put(analysis.display(f.path()), true);
        }
        for (Diagnostic d : findings) {
            files.putIfAbsent(analysis.display(d.span().file()), true);
        }
        return List.copyOf(files.keySet());
    }

    private static String serialize(Document doc) throws TransformerException {
        Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.INDENT, "yes");
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        doc.setXmlStandalone(true);
        StringWriter w = new StringWriter();
        t.transform(new DOMSource(doc), new StreamResult(w));
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + w.toString().replace("\r\n", "\n");
        return xml.endsWith("\n") ? xml : xml + "\n";
    }
}
