;;; format-network-address.el --- E10: format-network-address  -*- lexical-binding: t; coding: utf-8 -*-
;; The twin reads the same list with readFromString, so both sides format identical values.
(dolist (a '([127 0 0 1 80] [127 0 0 1] [0 0 0 0 0 0 0 1 443] [0 0 0 0 0 0 0 1] [65152 0 0 0 0 0 0 1 0]
             [8193 3512 0 0 0 43981 0 65535 65535] [255 255 255 255 0] [1 2 3 4 5 6 7 8 9]
             [256 0 0 1 0] [1 2 3 4 65536] [1 2 3 4 -1] [1 2 3 4 "x"] [1 2 3 4 x] [1 2 3] []
             "/tmp/sock" "" nil (2 . [1 2 3]) (2 3) (2.7 . 0) (-2.7 . 0) (99999999999999999999999 . 0)
             (foo . bar) ("2" . 0) [1.0 2 3 4 5] [1 2 3 4.5 5] 42 foo
             [0 0 0 0 0 0 0 65536 0] [0 0 0 0 0 0 0 0 0 0]))
  (try (format "format-network-address %S" a) (format-network-address a))
  (try (format "format-network-address %S omit-port" a) (format-network-address a t)))
