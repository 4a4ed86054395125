;;; unres-akn.el --- Export a draft as Akoma Ntoso through the unlsp server  -*- lexical-binding: t; -*-

;;; Commentary:

;; M-x unres-export-akn: the Akoma Ntoso (AKN4UN) XML of the draft in the current buffer, as
;; it stands (saved or not), asked of the language server that eglot runs for the buffer
;; (`workspace/executeCommand' "unlsp.exportAkn").  The XML opens in a buffer of its own,
;; in `nxml-mode', whose default directory is the draft's: C-x C-w saves it.  Nothing is
;; written until then.

;;; Code:

(require 'eglot)

(defun unres-akn--buffer-name (draft)
  "The name of the buffer showing the XML of DRAFT (a buffer)."
  (format "*unlsp AKN %s*"
          (let ((f (buffer-file-name draft)))
            (if f (concat (file-name-base f) ".xml") (buffer-name draft)))))

;;;###autoload
(defun unres-export-akn ()
  "Show the Akoma Ntoso XML of the current draft, made by the unlsp server.
Return the buffer that shows it."
  (interactive)
  (let* ((server (or (eglot-current-server)
                     (user-error "No unlsp server for this buffer: M-x eglot first")))
         (draft (current-buffer))
         (dir default-directory))
    ;; the server exports what it has: send the edits not yet sent
    (eglot--signal-textDocument/didChange)
    ;; the request itself: `eglot-execute-command' is obsolete from Emacs 30's eglot on
    (let ((xml (jsonrpc-request server :workspace/executeCommand
                                (list :command "unlsp.exportAkn"
                                      :arguments (vector (eglot--TextDocumentIdentifier)))))
          (out (get-buffer-create (unres-akn--buffer-name draft))))
      (unless (stringp xml)
        (error "The server gave no XML: %S" xml))
      (with-current-buffer out
        (let ((inhibit-read-only t))
          (erase-buffer)
          (insert xml))
        (setq default-directory dir)
        (if (fboundp 'nxml-mode) (nxml-mode) (xml-mode))
        (goto-char (point-min)))
      (display-buffer out)
      out)))

(provide 'unres-akn)
;;; unres-akn.el ends here
