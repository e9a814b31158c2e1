// -Didflow.skip=true skips the check (the policy here would fail) with one line.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] idflow: skipped (idflow.skip)')
assert !log.contains('IDF202')
assert log.contains('BUILD SUCCESS')
return true
