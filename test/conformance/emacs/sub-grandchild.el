;;; sub-grandchild.el --- a background grandchild that keeps the output pipe open  -*- lexical-binding: t -*-
(setq events nil start (float-time))
(setq p (make-process :name "g" :command '("sh" "-c" "(sleep 1; echo late) & echo hi") :connection-type 'pipe
                      :buffer "gb" :sentinel (lambda (_p e) (push (list e (< (- (float-time) start) 0.8)) events))))
(wait-until events)
(p "the exit is reported at once" events)
(p "status" (list (process-status p) (process-exit-status p)))
(settle 1.5)
(p "the late output is not read" (buffer-text "gb"))
