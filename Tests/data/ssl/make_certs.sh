#!/bin/sh
# Regenerates the test PKI of Tests/data/ssl (see README.md).  Run it in
# this directory; it needs only the openssl command.
set -e
DAYS=36160    # from late 2026 to 2125
cat > ext.cnf <<'CNF'
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = DNS:localhost, IP:127.0.0.1
[other]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = DNS:other.test
[client]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = email:client@weft.test
CNF
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
key ca.key
openssl req -new -x509 -key ca.key -days $DAYS -sha256 -set_serial 1 \
    -subj "/C=XY/O=Weft Test/CN=Weft Test CA" \
    -extensions ca -config ext.cnf -out ca.pem
leaf() {   # name subject extension-section serial
    key "$1.key"
    openssl req -new -key "$1.key" -subj "$2" -out "$1.csr"
    openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -set_serial "$4" \
        -days $DAYS -sha256 -extfile ext.cnf -extensions "$3" -out "$1.pem" 2>/dev/null
    rm "$1.csr"
}
leaf server "/C=XY/O=Weft Test/CN=localhost" server 2
leaf other "/C=XY/O=Weft Test/CN=other.test" other 3
leaf client "/C=XY/O=Weft Test/CN=Weft Test Client" client 4
# The server certificate and key in one file, and the key encrypted
# with the password "weftpass".
cat server.pem server.key > server_keycert.pem
openssl pkey -in server.key -aes256 -passout pass:weftpass -out server_encrypted.key
# A self-signed certificate no test CA vouches for.
key selfsigned.key
openssl req -new -x509 -key selfsigned.key -days $DAYS -sha256 -set_serial 5 \
    -subj "/CN=localhost" -addext "subjectAltName = DNS:localhost" \
    -out selfsigned.pem
rm ext.cnf ca.key
