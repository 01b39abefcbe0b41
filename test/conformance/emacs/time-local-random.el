;;; time-local-random.el --- table in time-local-random.eld  -*- lexical-binding: t; coding: utf-8 -*-
(load (expand-file-name "call-table.el" (file-name-directory load-file-name)) nil t)
(call-table "time-local-random.eld")
