// The cluster's CA certificate, published as kube-root-ca.crt in every namespace. Generated once
// for kubetab (self-signed, CN=kubernetes); its private key was discarded, as nothing here uses TLS.

export const CLUSTER_CA_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBfzCCASWgAwIBAgIUSf6h/0NB5IJkc+6OqZfIWhtGf04wCgYIKoZIzj0EAwIw
FTETMBEGA1UEAwwKa3ViZXJuZXRlczAeFw0yNjExMjMxNjU1NDdaFw0zNjExMjAx
NjU1NDdaMBUxEzARBgNVBAMMCmt1YmVybmV0ZXMwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASJMzDKiQTVWKAqbm9M1F67Grbwuaviug3Np/+5Rfz3jYSuu9QsUYBv
/KEA/hjgsTPy3A+CSQty3UMBUqvkp3L2o1MwUTAdBgNVHQ4EFgQUTvjgxnrKYb1K
B6/8gMIjbjFRAxMwHwYDVR0jBBgwFoAUTvjgxnrKYb1KB6/8gMIjbjFRAxMwDwYD
VR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiBthFnPpoFB3OdHTvwroJUR
DS36NfGafLWntluf0hH8iwIhAI8en8R+sPwzNQgXJVnqi/IulhO7YRER6ju0Fetl
lsxc
-----END CERTIFICATE-----
`;
