;;; network-lookup-names.el --- E10: network-lookup-address-info of names  -*- lexical-binding: t; coding: utf-8 -*-
;; Runs only with isolated name lookups (`npm test` as root): /etc/hosts answers, never DNS.
(dolist (args '(("localhost") ("localhost" ipv4) ("localhost" ipv6) ("nonexistent.invalid")
                ("nonexistent.invalid" ipv6) ("elproc-dual.test") ("elproc-dual.test" ipv4)
                ("elproc-dual.test" ipv6) ("elproc-v4only.test" ipv6) ("elproc-v6only.test")
                ("elproc-v6only.test" ipv4) ("") ("1.2.3.256") ("1.2.3.4.5")))
  (try (format "network-lookup-address-info %S" args) (apply #'network-lookup-address-info args)))
(try "non-ascii" (network-lookup-address-info "bücher.invalid"))
(try "non-ascii ipv6" (network-lookup-address-info "ü" 'ipv6))
