;;; format-strings.el --- table in format-strings.eld  -*- lexical-binding: t; coding: utf-8 -*-
(load (expand-file-name "call-table.el" (file-name-directory load-file-name)) nil t)
(call-table "format-strings.eld")
