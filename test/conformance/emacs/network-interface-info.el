;;; network-interface-info.el --- E10: network-interface-info  -*- lexical-binding: t; coding: utf-8 -*-
(dolist (name '("lo" "lo:elproc" "nosuch0" "" "abcdefghijklmno" "abcdefghijklmnop" "abcdefghijklmnopq"
                "éééééééé" "ééééééé"))
  (try (format "network-interface-info %S" name) (network-interface-info name)))
(try "network-interface-info symbol" (network-interface-info 'lo))
(try "network-interface-info nil" (network-interface-info nil))
(try "network-interface-info 42" (network-interface-info 42))
