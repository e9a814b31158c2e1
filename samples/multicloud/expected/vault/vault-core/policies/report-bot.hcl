# idflow: Vault ACL policy idflow-report-bot
# identity report-bot, owner data-platform

path "secret/data/etl/config" {
  capabilities = ["read"]
}

path "secret/data/reports/*" {
  capabilities = ["list", "read"]
}
