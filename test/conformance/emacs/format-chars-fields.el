;;; format-chars-fields.el --- table in format-chars-fields.eld  -*- lexical-binding: t; coding: utf-8 -*-
(load (expand-file-name "call-table.el" (file-name-directory load-file-name)) nil t)
(call-table "format-chars-fields.eld")
