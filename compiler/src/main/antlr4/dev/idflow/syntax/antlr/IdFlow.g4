/*
 * The idflow policy language (see shared spec LANGUAGE.md).
 *
 * A declarative grammar without actions: every check of meaning (which
 * attribute belongs in which block, what a value may be) is done by the
 * converter and the resolver, so that a wrong attribute is a precise
 * diagnostic (IDF005/IDF008) and not a bare syntax error. The grammar has
 * no recursive rule, so no input can drive the parser's stack deep.
 */
grammar IdFlow;

options { contextSuperClass = CompactContext; }

policyFile
    : declaration* EOF
    ;

declaration
    : policyDecl
    | systemDecl
    | ownerDecl
    | sourceDecl
    | expiryDecl
    | identityDecl
    | exceptionDecl
    | delegateDecl
    ;

policyDecl    : POLICY STRING block? ;
systemDecl    : SYSTEM name block ;
ownerDecl     : OWNER name block ;
sourceDecl    : SOURCE nameList FROM name ;
expiryDecl    : EXPIRY credentialTypeList (IN name)? block ;
identityDecl  : IDENTITY name block ;
exceptionDecl : EXCEPTION name block ;
delegateDecl  : DELEGATE name block ;

block
    : LBRACE member* RBRACE
    ;

member
    : attribute
    | credential
    ;

credential
    : credentialType name credentialBlock
    ;

// A credential's body holds attributes only: credentials do not nest.
credentialBlock
    : LBRACE attribute* RBRACE
    ;

attribute
    : key=(KIND | ENV | MODE | OWNER | ISSUER | REVOKER | APPROVER | TO) name             # wordAttr
    | key=(CAN | STORED_IN) nameList                                                      # wordListAttr
    | key=(ACCOUNT | PROJECT | ADDRESS | ESCALATION | DESCRIPTION | PATH | MEMBER
          | TICKET | REASON) STRING                                                       # stringAttr
    | key=CONTACT stringList                                                              # stringListAttr
    | key=(TTL | ROTATE | MAX | MAX_EXCEPTION | MAX_BREAK_GLASS | EXPIRES | FROM
          | UNTIL | FOR) value                                                            # valueAttr
    | key=BREAK_GLASS                                                                     # flagAttr
    | key=SOURCE nameList FROM name                                                       # sourceAttr
    // A waiver without a reason or an end still parses: it is IDF805, a finding about the
    // waiver, not a syntax error.
    | key=WAIVE name STRING? (UNTIL value)?                                                # waiveAttr
    | key=ALLOW stringList (ON stringList)?                                               # allowAttr
    | key=GRANT name DOT name TO stringList                                               # grantAttr
    | key=CREATE nameList IN nameList                                                     # createAttr
    | key=RECONCILE EVERY value BY name                                                   # reconcileAttr
    ;

credentialType
    : SECRET | TOKEN | CERTIFICATE | KEY | BINDING
    ;

credentialTypeList
    : credentialType (COMMA credentialType)*
    ;

nameList
    : name (COMMA name)*
    ;

stringList
    : STRING (COMMA STRING)*
    ;

// A literal that starts with a digit: a duration, a date or a timestamp.
// Which one it must be is the converter's business (IDF005).
value
    : VALUE
    ;

// Attribute words are keywords only where an attribute is expected; anywhere
// else they are ordinary names.
name
    : NAME
    | KIND | CAN | ENV | MODE | ACCOUNT | PROJECT | ADDRESS | CONTACT | ESCALATION
    | DESCRIPTION | PATH | MEMBER | TICKET | REASON | TTL | ROTATE | MAX
    | MAX_EXCEPTION | MAX_BREAK_GLASS | EXPIRES | ISSUER | REVOKER | APPROVER
    | STORED_IN | BREAK_GLASS | WAIVE | ALLOW | GRANT | CREATE | RECONCILE
    ;

// Reserved words.
POLICY      : 'policy' ;
SYSTEM      : 'system' ;
OWNER       : 'owner' ;
SOURCE      : 'source' ;
EXPIRY      : 'expiry' ;
IDENTITY    : 'identity' ;
EXCEPTION   : 'exception' ;
DELEGATE    : 'delegate' ;
SECRET      : 'secret' ;
TOKEN       : 'token' ;
CERTIFICATE : 'certificate' ;
KEY         : 'key' ;
BINDING     : 'binding' ;
FROM        : 'from' ;
IN          : 'in' ;
ON          : 'on' ;
TO          : 'to' ;
FOR         : 'for' ;
BY          : 'by' ;
UNTIL       : 'until' ;
EVERY       : 'every' ;

// Attribute words.
KIND            : 'kind' ;
CAN             : 'can' ;
ENV             : 'env' ;
MODE            : 'mode' ;
ACCOUNT         : 'account' ;
PROJECT         : 'project' ;
ADDRESS         : 'address' ;
CONTACT         : 'contact' ;
ESCALATION      : 'escalation' ;
DESCRIPTION     : 'description' ;
PATH            : 'path' ;
MEMBER          : 'member' ;
TICKET          : 'ticket' ;
REASON          : 'reason' ;
TTL             : 'ttl' ;
ROTATE          : 'rotate' ;
MAX             : 'max' ;
MAX_EXCEPTION   : 'max-exception' ;
MAX_BREAK_GLASS : 'max-break-glass' ;
EXPIRES         : 'expires' ;
ISSUER          : 'issuer' ;
REVOKER         : 'revoker' ;
APPROVER        : 'approver' ;
STORED_IN       : 'stored-in' ;
BREAK_GLASS     : 'break-glass' ;
WAIVE           : 'waive' ;
ALLOW           : 'allow' ;
GRANT           : 'grant' ;
CREATE          : 'create' ;
RECONCILE       : 'reconcile' ;

LBRACE : '{' ;
RBRACE : '}' ;
COMMA  : ',' ;
DOT    : '.' ;

NAME   : [A-Za-z_] [A-Za-z0-9_-]* ;
VALUE  : [0-9] [0-9A-Za-z:+.-]* ;

// Escapes are checked by the converter, so that an unknown one is an
// invalid value (IDF005) with its exact place, not a lexer failure.
STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"' ;

SEMI          : ';' -> channel(HIDDEN) ;
LINE_COMMENT  : ('#' | '//') ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WS            : [ \t\r\n\f]+ -> channel(HIDDEN) ;

// Anything else is one bad character, reported by the parser with its place.
UNTERMINATED_STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* ;
UNTERMINATED_COMMENT : '/*' ( ~[*] | '*'+ ~[*/] )* '*'* EOF ;
BAD_CHAR : . ;
