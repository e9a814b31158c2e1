# idflow authorization decision (Rego v1). This file is fixed code: every fact of the
# policy (identities, credentials, grants as anchored regular expressions, exceptions)
# lives in data.idflow, from idflow/data.json. `idflow query` computes the same decision
# in Java (dev.idflow.emit.opa.Decision); authz_test.rego holds its answers.
#
# Input: {"identity", "credential", "action", "resource", "principal"?, "time"?}
# `time` is RFC 3339 and defaults to the clock; a `principal` other than
# identity:IDENTITY is someone else using the credential, which only an exception
# active at that time allows.
package idflow.authz

default allow := false

default owner := null

default revoker := null

denials := {"unknown-credential", "credential-expired", "identity-expired", "not-granted", "exception-not-active"}

key := concat(".", [input.identity, input.credential])

credential := data.idflow.credentials[key]

identity := data.idflow.identities[input.identity]

own_principal := concat(":", ["identity", input.identity])

principal := input.principal if {
	input.principal
} else := own_principal

now_ns := time.parse_rfc3339_ns(input.time) if {
	input.time
} else := time.now_ns()

owner := identity.owner

revoker := credential.revoker

# True when the first instant of no longer being valid has come; never for null.
expired(not_after) if {
	not_after != null
	now_ns >= time.parse_rfc3339_ns(not_after)
}

matches if {
	some grant in credential.grants
	some action_pattern in grant.action_patterns
	regex.match(action_pattern, input.action)
	some resource_pattern in grant.resource_patterns
	regex.match(resource_pattern, input.resource)
}

# Exceptions that grant this credential to this principal.
naming contains name if {
	some name, exception in data.idflow.exceptions
	some grant in exception.grants
	grant.credential == key
	principal in grant.principals
}

# Those of them whose window not_before <= time < not_after holds now.
active contains name if {
	some name in naming
	exception := data.idflow.exceptions[name]
	now_ns >= time.parse_rfc3339_ns(exception.not_before)
	not expired(exception.not_after)
}

reasons contains "unknown-credential" if {
	not credential
}

reasons contains "identity-expired" if {
	expired(identity.not_after)
}

reasons contains "credential-expired" if {
	expired(credential.not_after)
}

reasons contains "granted" if {
	credential
	principal == own_principal
	matches
}

reasons contains "not-granted" if {
	credential
	principal == own_principal
	not matches
}

reasons contains reason if {
	credential
	principal != own_principal
	matches
	some name in active
	reason := concat(":", ["granted-by-exception", name])
}

reasons contains "exception-not-active" if {
	credential
	principal != own_principal
	count(naming) > 0
	count(active) == 0
}

reasons contains "not-granted" if {
	credential
	principal != own_principal
	not matches
}

reasons contains "not-granted" if {
	credential
	principal != own_principal
	count(naming) == 0
}

allow if {
	credential
	count(reasons & denials) == 0
}

decision := {
	"allow": allow,
	"reasons": sort(reasons),
	"owner": owner,
	"revoker": revoker,
}
