// A bad parameter fails the build with one sentence naming the parameter, its property and the value.
def log = new File(basedir, 'build.log').text
assert log.contains('idflow: bad parameter failOn (idflow.failOn) = `sometimes`: expected error, warning or never')
assert !log.contains('idflow: 0 errors')
return true
