;;; messages.el --- table in messages.eld  -*- lexical-binding: t; coding: utf-8 -*-
(load (expand-file-name "call-table.el" (file-name-directory load-file-name)) nil t)
(call-table "messages.eld")
