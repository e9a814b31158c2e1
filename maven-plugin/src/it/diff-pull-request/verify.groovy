// HEAD adds two IDF202 findings to HEAD~1: each is a file:line:col line, the build fails
// naming the new findings and the reports, and the reports carry the new findings only.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/idflow/policy.idflow:24:5: error[IDF202]: credential `orders-api.db-password`: revoker `servicenow` cannot revoke')
assert log.contains('[ERROR] src/main/idflow/policy.idflow:36:5: error[IDF202]: credential `deploy-pipeline.vault-deploy`: revoker `gh-actions` cannot revoke')
assert log.contains('[INFO] idflow diff: 2 new, 0 fixed')
assert log =~ /Failed to execute goal dev\.idflow:idflow-maven-plugin:[^ ]+:diff .*idflow diff: 2 new findings since HEAD~1 \(failOn error\); the findings are listed above and in target\/idflow-reports\/idflow\.sarif, target\/idflow-reports\/idflow\.junit\.xml, target\/idflow-reports\/idflow\.md/

def reports = new File(basedir, 'target/idflow-reports')
def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'idflow.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.collect { it.ruleId } == ['IDF202', 'IDF202']
assert sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri == 'src/main/idflow/policy.idflow'
def junit = new groovy.xml.XmlSlurper().parse(new File(reports, 'idflow.junit.xml'))
assert junit.'**'.findAll { it.name() == 'failure' }.size() >= 1
assert new File(reports, 'idflow.md').text.startsWith('## idflow diff: failed')
return true
