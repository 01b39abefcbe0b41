;;; format-message.el --- table in format-message.eld  -*- lexical-binding: t; coding: utf-8 -*-
(load (expand-file-name "call-table.el" (file-name-directory load-file-name)) nil t)
(call-table "format-message.eld")
