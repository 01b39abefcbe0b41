;;; network-lookup-numeric.el --- E10: network-lookup-address-info of numeric names  -*- lexical-binding: t; coding: utf-8 -*-
;; Only names getaddrinfo reads as numbers (inet_aton or inet_pton succeeds), and checks that fail
;; before any lookup: nothing here asks a name service. Anything else (even "1.2.3.256") goes to
;; network-lookup-names.el, which runs only with isolated name lookups (so do the non-ASCII checks,
;; which a broken port would pass on to getaddrinfo). The failures' messages go
;; to stderr; network-functions.test.ts compares them.
;; A non-string NAME is left out: it crashes Emacs 28.2 (E10b).
(dolist (args '(("127.0.0.1") ("127.1") ("0xe3010203") ("1") ("::1") ("::1" ipv6) ("::1" ipv4)
                ("127.0.0.1" ipv4) ("127.0.0.1" ipv6) ("::ffff:127.0.0.1") ("::ffff:127.0.0.1" ipv4)
                ("fe80::1")))
  (try (format "network-lookup-address-info %S" args) (apply #'network-lookup-address-info args)))
(try "bad family" (network-lookup-address-info "127.0.0.1" 'inet))
(try "family as a string" (network-lookup-address-info "127.0.0.1" "ipv4"))
(try "bad family is checked before the name" (network-lookup-address-info 42 'inet))
