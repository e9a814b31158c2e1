// A revoker that cannot revoke fails the build: each finding is a file:line:col line relative
// to the project (so IDEs link it), and the failure says how many findings of each severity.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/idflow/policy.idflow:24:5: error[IDF202]: credential `orders-api.db-password`: revoker `servicenow` cannot revoke')
assert log.contains('[ERROR] src/main/idflow/policy.idflow:36:5: error[IDF202]: credential `deploy-pipeline.vault-deploy`: revoker `gh-actions` cannot revoke')
assert log.contains('idflow: 2 errors, 0 warnings, 0 infos in 1 file (failOn error); the findings are listed above')
assert log =~ /Failed to execute goal dev\.idflow:idflow-maven-plugin:[^ ]+:check .*idflow: 2 errors/
assert !log.contains('Exception in thread')
return true
