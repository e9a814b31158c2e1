package dev.idflow.model.diag;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every diagnostic code that idflow knows (CHECKS.md). Codes never change meaning once
 * released; a waiver or setting that names a code outside this list is an invalid value.
 */
public final class Codes {

    /** All codes, sorted. */
    public static final List<String> ALL = List.copyOf(new TreeSet<>(Set.of(
            "IDF001", "IDF002", "IDF003", "IDF004", "IDF005", "IDF006", "IDF007", "IDF008", "IDF009",
            "IDF101", "IDF102", "IDF103", "IDF104",
            "IDF201", "IDF202", "IDF203", "IDF204", "IDF205", "IDF206", "IDF207", "IDF208",
            "IDF301", "IDF302", "IDF303", "IDF304", "IDF305", "IDF306", "IDF307",
            "IDF401", "IDF402", "IDF403", "IDF404", "IDF405", "IDF406", "IDF407",
            "IDF501", "IDF502", "IDF503", "IDF504", "IDF505",
            "IDF601",
            "IDF701", "IDF702", "IDF703", "IDF704",
            "IDF801", "IDF802", "IDF803", "IDF804", "IDF805",
            "IDF901", "IDF902", "IDF903", "IDF904", "IDF905", "IDF906", "IDF907", "IDF908", "IDF909",
            "IDF910", "IDF911", "IDF912")));

    private Codes() {
    }

    public static boolean known(String code) {
        return ALL.contains(code);
    }

    /** True for a code whose severity no setting may change: IDF0xx and IDF805. */
    public static boolean fixedSeverity(String code) {
        return code.startsWith("IDF0") || code.equals("IDF805");
    }
}
