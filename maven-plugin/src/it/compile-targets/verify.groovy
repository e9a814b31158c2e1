// Both builds pass. The first compiles samples/acme (found through the configuration file) to
// exactly the files of its golden folder for the targets asked for; the second skips the
// compilation in one line, leaving those files in place.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] idflow: 0 errors, 5 warnings, 2 infos in 9 files')
assert log.contains('[INFO] idflow: wrote 12 files to target/idflow')
assert log.contains('[INFO] idflow: target/idflow is up to date: no input, configuration or plugin version changed'
        + ' and nothing ended since the last compile')
assert log.indexOf('wrote 12 files') < log.indexOf('is up to date')
assert !log.contains('BUILD FAILURE')

def out = new File(basedir, 'target/idflow')
def expected = new File(basedir, '../../../../samples/acme/expected').canonicalFile
def files = []
out.eachFileRecurse(groovy.io.FileType.FILES) { files << out.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
files.sort()
assert files.findAll { !it.startsWith('opa/') && !it.startsWith('aws/') && !it.startsWith('vault/') } == ['manifest.json']
assert files.contains('opa/bundle.tar.gz')
assert files.contains('aws/aws-prod/payments-api.role.json')
assert files.contains('vault/vault-prod/policies/payments-api.hcl')
files.findAll { it != 'manifest.json' }.each {
    assert new File(out, it).bytes == new File(expected, it).bytes : "${it} differs from samples/acme/expected"
}
def manifest = new groovy.json.JsonSlurper().parse(new File(out, 'manifest.json'))
assert manifest.targets == ['opa', 'aws', 'vault']
assert manifest.now == '2026-11-29T08:00:00Z'
return true
