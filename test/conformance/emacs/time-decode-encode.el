;;; time-decode-encode.el --- table in time-decode-encode.eld  -*- lexical-binding: t; coding: utf-8 -*-
(load (expand-file-name "call-table.el" (file-name-directory load-file-name)) nil t)
(call-table "time-decode-encode.eld")
