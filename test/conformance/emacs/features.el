;;; features.el --- featurep 'make-network-process and its subfeatures  -*- lexical-binding: t -*-
(p "featurep make-network-process" (featurep 'make-network-process))
(dolist (f '((:nowait t) (:type datagram) (:type seqpacket) (:family local) (:family ipv4) (:family ipv6) (:service t) (:server t)
             :bindtodevice :broadcast :dontroute :keepalive :linger :oobinline :priority :reuseaddr
             (:server 5) (:type stream) (:family nil) :tls-parameters (:nowait nil) :name))
  (p (format "featurep %S" f) (featurep 'make-network-process f)))
