// The policy passes: the summary is in the log, and the JSON report is written where asked.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] idflow: 0 errors, 0 warnings, 0 infos in 1 file')
assert log.contains('BUILD SUCCESS')
def json = new File(basedir, 'target/idflow-reports/idflow.json')
assert json.isFile()
def report = new groovy.json.JsonSlurper().parse(json)
assert report.summary.failed == false
assert report.now == '2026-11-29T08:00:00Z'
return true
