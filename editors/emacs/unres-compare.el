;;; unres-compare.el --- Compare a draft with another version (unlsp diff)  -*- lexical-binding: t; -*-

;;; Commentary:

;; M-x unres-compare: the draft in the current buffer (as it stands, saved or not) against
;; another file or its version in git (HEAD, a tag, a branch, a commit).  Runs
;; `unlsp diff OLD CURRENT': the changes, one per line as FILE:LINE: what changed, in a
;; compilation-mode buffer (RET or `next-error' jumps to the paragraph), and the HTML
;; compilation text (`--format html') opened in the browser.

;;; Code:

(require 'compile)

(defcustom unres-diff-program "unlsp"
  "The unlsp executable that `unres-compare' runs as `unlsp diff'."
  :type 'string
  :group 'unres)

(defun unres-compare--git-version (file rev)
  "Write FILE as it is at git revision REV to a temporary file; return its name."
  (let* ((default-directory (file-name-directory file))
         (top (string-trim (shell-command-to-string "git rev-parse --show-toplevel")))
         (rel (file-relative-name file top))
         (out (make-temp-file "unlsp-compare-" nil
                              (concat "-" (file-name-nondirectory file)))))
    (with-temp-file out
      (let ((default-directory (file-name-as-directory top)))
        (unless (zerop (call-process "git" nil t nil "show" (concat rev ":" rel)))
          (error "git show %s:%s failed: %s" rev rel (buffer-string)))))
    out))

;;;###autoload
(defun unres-compare (what)
  "Compare the current draft with WHAT: a file, or a git revision (default HEAD)."
  (interactive
   (list (read-string "Compare with (file or git revision, default HEAD): " nil nil "HEAD")))
  (unless buffer-file-name
    (user-error "Save the draft first"))
  (let* ((file buffer-file-name)
         (old (if (file-readable-p what)
                  (expand-file-name what)
                (unres-compare--git-version file what)))
         (current (make-temp-file "unlsp-current-" nil
                                  (concat "-" (file-name-nondirectory file))
                                  (buffer-substring-no-properties (point-min) (point-max))))
         (html (make-temp-file "unlsp-compilation-" nil ".html"))
         (buf (get-buffer-create "*unlsp compare*")))
    (with-current-buffer buf
      (let ((inhibit-read-only t))
        (erase-buffer)
        (let ((status (call-process unres-diff-program nil t nil "diff" old current)))
          (when (eq status 2)
            (error "Unlsp diff failed: %s" (buffer-string))))
        ;; the current version's lines are the buffer's: point them at the file itself
        (goto-char (point-min))
        (while (search-forward current nil t)
          (replace-match file t t)))
      (compilation-mode)
      (goto-char (point-min)))
    (call-process unres-diff-program nil nil nil "diff" old current "--format" "html" "--out" html)
    (display-buffer buf)
    (browse-url-of-file html)))

(provide 'unres-compare)
;;; unres-compare.el ends here
