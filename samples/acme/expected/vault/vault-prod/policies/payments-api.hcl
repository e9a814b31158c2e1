# idflow: Vault ACL policy idflow-payments-api
# identity payments-api, owner payments-team

path "database/creds/payments" {
  capabilities = ["read"]
}

path "secret/data/payments/*" {
  capabilities = ["list", "read"]
}
