;;; catch-throw-waits.el --- a throw from a filter, a sentinel or a timer ends the catch whose body waits  -*- lexical-binding: t; coding: utf-8 -*-
(cancel-function-timers 'show-paren-function)
(setq log nil)
(defun logit (&rest args) (push args log))
(defun show (label) (p label (reverse log)) (setq log nil))
(setq srv (make-network-process :name "srv" :server t :service t :host "127.0.0.1" :filter #'ignore))
(setq port (process-contact srv :service))
(setq c (make-network-process :name "c" :host "127.0.0.1" :service port
                              :filter (lambda (_proc text)
                                        (logit 'filter-before text)
                                        (when (string-match "throw" text) (throw 'done (list 'got text)))
                                        (logit 'filter-after text))))
(wait-until (peer-child "srv" c))
(setq ch (peer-child "srv" c))

(p "catch ended by the filter's throw"
   (catch 'done
     (process-send-string ch "throw 1")
     (while t (accept-process-output nil 30) (logit 'wait-returned))
     'not-reached))
(show "events (throw 1)")

(p "catch with unwind-protect in the body"
   (catch 'done
     (unwind-protect
         (progn (process-send-string ch "throw 2")
                (while t (accept-process-output c 30) (logit 'wait-returned)))
       (logit 'unwound))))
(show "events (throw 2)")

(p "output without a throw returns from the wait"
   (catch 'done
     (process-send-string ch "plain")
     (accept-process-output c 3)
     (logit 'wait-returned)
     'body-value))
(show "events (plain)")

(p "nested catches, the outer one thrown to"
   (catch 'done
     (catch 'inner
       (unwind-protect
           (progn (process-send-string ch "throw 3")
                  (while t (accept-process-output nil 30)))
         (logit 'inner-unwound)))
     (logit 'after-inner)
     'outer-body-value))
(show "events (throw 3)")

(p "a timer throws while the body sleeps"
   (catch 'timeout
     (run-with-timer 0.1 nil (lambda () (logit 'timer) (throw 'timeout 'timer-value) (logit 'timer-after)))
     (sleep-for 5)
     (logit 'slept)
     'body-value))
(show "events (timer during sleep-for)")

(p "a timer throws while the body sits"
   (catch 'timeout
     (run-with-timer 0.1 nil (lambda () (throw 'timeout 'sit-value)))
     (sit-for 5)
     'body-value))

(p "with-timeout" (with-timeout (0.1 'timed-out) (sleep-for 5) 'done))
(p "with-timeout not reached" (with-timeout (5 'timed-out) (sleep-for 0.05) 'done))
(p "timer-list afterwards" timer-list)

(p "a catch inside the filter"
   (progn
     (set-process-filter c (lambda (_proc text)
                             (logit 'inner-catch (catch 'local (throw 'local text)))
                             (logit 'filter-went-on)))
     (process-send-string ch "local")
     (accept-process-output c 3)))
(show "events (catch inside the filter)")

(setq c2 (make-network-process :name "c2" :host "127.0.0.1" :service port
                               :sentinel (lambda (_proc event) (throw 'closed (list 'sentinel event)))))
(wait-until (peer-child "srv" c2))
(p "a sentinel throws"
   (catch 'closed
     (delete-process (peer-child "srv" c2))
     (while t (accept-process-output nil 30))))

(p "throw from the body itself after a wait"
   (catch 'self
     (sleep-for 0.01)
     (throw 'self 'self-value)
     'not-reached))
(try "throw without a catch" (throw 'nowhere 1))
(try "throw to nil" (catch nil (throw nil 1)))
(p "catch returns the body's value" (catch 'unused 'value))
