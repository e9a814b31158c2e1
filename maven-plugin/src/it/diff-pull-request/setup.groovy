// Makes the project a Git repository with two commits: the base commit holds the policy of
// revisions/base, HEAD the policy of revisions/head (two revokers that cannot revoke: IDF202).
def git(String... args) {
    def command = ['git', '-c', 'user.name=idflow', '-c', 'user.email=idflow@example.com', '-c', 'commit.gpgsign=false'] + args.toList()
    def p = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : "${command.join(' ')}: ${out}"
}
def policy = new File(basedir, 'src/main/idflow/policy.idflow')
policy.parentFile.mkdirs()
git('init', '-q')
policy.bytes = new File(basedir, 'revisions/base/policy.idflow').bytes
git('add', '-A')
git('commit', '-q', '-m', 'Add the policy')
policy.bytes = new File(basedir, 'revisions/head/policy.idflow').bytes
git('commit', '-q', '-a', '-m', 'Name revokers that cannot revoke')
return true
