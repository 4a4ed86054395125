;;; large-file.el --- Measure a large UN document in Emacs + eglot  -*- lexical-binding: t; -*-

;; UNLSP_REPO=. UNLSP_BIN=target/fast/unlsp UNLSP_LARGE=/tmp/big.unres \
;;   emacs --batch -Q -l editors/emacs/test/large-file.el
;;
;; Issue 25.7: the time from `find-file' to the first diagnostics in flymake, and the
;; outline — `imenu--make-index-alist' (eglot's imenu: textDocument/documentSymbol and its
;; index) once the diagnostics are in.  Prints figures; asserts nothing.  Run by
;; scripts/editor-large-file.sh.

;;; Code:

(require 'package)
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(add-to-list 'load-path (expand-file-name "editors/emacs" (getenv "UNLSP_REPO")))
(require 'unres-mode)
(require 'eglot)
(require 'flymake)
(require 'imenu)

;; the traps of eglot in --batch (../shared/EDITORS.md)
(add-hook 'project-find-functions (lambda (dir) (cons 'transient dir)))
(setq eglot-sync-connect t
      eglot-connect-timeout 60
      eglot-events-buffer-size 0
      unres-server-command (list (getenv "UNLSP_BIN") "serve"))

(defun large-file-wait (pred timeout)
  (let ((deadline (+ (float-time) timeout)) (v nil))
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.01)
      (sit-for 0 t))
    v))

(condition-case err
    (let ((t0 (float-time)))
      (find-file (getenv "UNLSP_LARGE"))
      (call-interactively #'eglot)
      (if (not (large-file-wait #'flymake-diagnostics 120))
          (princ "emacs: no diagnostics within 120 s\n")
        (let* ((diag (- (float-time) t0))
               (n (length (flymake-diagnostics)))
               (t1 (float-time))
               (index (progn (setq imenu--index-alist nil) (imenu--make-index-alist t)))
               (outline (- (float-time) t1)))
          (princ (format "emacs %s: first diagnostics %.2f s (%d); outline (imenu) %.2f s (%d top-level entries)\n"
                         emacs-version diag n outline (length index))))))
  (error (princ (format "emacs: error: %S\n" err))))
(kill-emacs 0)

;;; large-file.el ends here
