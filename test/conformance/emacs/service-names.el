;;; service-names.el --- :service as a name from /etc/services (E24), for datagram and stream  -*- lexical-binding: t -*-
;; Name lookups only: the datagram clients send nothing, and the servers (root-only ports, on
;; 127.0.0.1 only) accept nothing. /etc/services has http 80/tcp (no udp), tftp 69/udp (no tcp),
;; domain 53/tcp and 53/udp.
(p "dc domain" (process-contact (make-network-process :name "dc1" :type 'datagram :host "127.0.0.1" :service "domain") t))
(p "dc tftp" (process-contact (make-network-process :name "dc2" :type 'datagram :host "127.0.0.1" :service "tftp") t))
(p "dc tftp datagram-address" (process-datagram-address (get-process "dc2")))
(try "dc http (tcp only)" (make-network-process :name "dc3" :type 'datagram :host "127.0.0.1" :service "http"))
(try "dc unknown service" (make-network-process :name "dc4" :type 'datagram :host "127.0.0.1" :service "no-such-service"))
(p "dc numeric string" (process-contact (make-network-process :name "dc5" :type 'datagram :host "127.0.0.1" :service "7") :remote))
(p "dc empty string" (process-contact (make-network-process :name "dc6" :type 'datagram :host "127.0.0.1" :service "") :remote))
(p "dc 70000" (process-contact (make-network-process :name "dc7" :type 'datagram :host "127.0.0.1" :service 70000) :remote))
(p "dc ipv6 domain" (process-contact (make-network-process :name "dc8" :type 'datagram :host "::1" :service "domain") :remote))
;; Servers: the contact's :service becomes the bound port, an integer.
;; (Inside try: without root both sides print the same "Permission denied".)
(try "stream server http" (let ((hs (make-network-process :name "hs" :server t :host "127.0.0.1" :service "http")))
  (prog1 (list (process-contact hs t) (process-contact hs)) (delete-process hs))))
(try "datagram server tftp" (let ((ts (make-network-process :name "ts" :type 'datagram :server t :host "127.0.0.1" :service "tftp")))
  (prog1 (list (process-contact ts t) (process-contact ts :service)) (delete-process ts))))
(try "stream server tftp (udp only)" (make-network-process :name "ts2" :server t :host "127.0.0.1" :service "tftp"))
(try "datagram server http (tcp only)" (make-network-process :name "hs2" :type 'datagram :server t :host "127.0.0.1" :service "http"))
(try "stream server unknown service" (make-network-process :name "us" :server t :host "127.0.0.1" :service "no-such-service"))
(p "process-list" (names (process-list)))
