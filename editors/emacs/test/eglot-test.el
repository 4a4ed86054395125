;;; eglot-test.el --- Headless test of unres-mode + eglot against the unlsp server  -*- lexical-binding: t; -*-

;; UNLSP_REPO=. UNLSP_BIN=target/debug/unlsp UNLSP_WORKSPACE=/tmp/ws \
;;   emacs --batch -Q -l editors/emacs/test/eglot-test.el
;;
;; UNLSP_WORKSPACE holds seed001.unres (seed 001, GA 62/57), A_RES_61_100.unres (the
;; resolution it cites), detect.txt, citations-en.unres, citations-zh.unres,
;; compare-old.unres and compare-new.unres;
;; scripts/test-editors.sh prepares it.  Checks:
;; modes, eglot connects, diagnostics reach flymake, hierarchical document symbols,
;; xref-find-definitions on "resolution 61/100" visits A_RES_61_100.unres, hover, an edit
;; that turns an operative verb into a participle brings a warning; undoing it removes it;
;; the imenu outline in one group per part, hover in the format eglot declares, and no
;; definition for a resolution no workspace file is (1514 (XV)); `unres-export-akn' on an
;; unsaved edit shows the server's AKN XML of the buffer; in citations-en.unres and
;; citations-zh.unres (editors/test-fixtures) the wrong day (UN041) and the wrong title
;; (UN056) are fixed through `eglot-code-actions' and their diagnostics go, the
;; non-existent number (UN055) stays; `unres-compare' of compare-new.unres against
;; compare-old.unres lists the reworded title, the renamed section heading and the changed
;; footnote at their lines, and `next-error' visits them.  Works with
;; Emacs 28.2 + elpa-eglot 1.9 (Debian 12) and with Emacs 29/30's built-in eglot.

;;; Code:

(require 'package)
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)

(defvar unlsp-test-repo (or (getenv "UNLSP_REPO") (error "UNLSP_REPO not set")))
(defvar unlsp-test-bin (or (getenv "UNLSP_BIN") (error "UNLSP_BIN not set")))
(defvar unlsp-test-ws (or (getenv "UNLSP_WORKSPACE") (error "UNLSP_WORKSPACE not set")))
(defvar unlsp-test-timeout (/ (string-to-number (or (getenv "UNLSP_TEST_TIMEOUT_MS") "30000")) 1000.0))

(add-to-list 'load-path (expand-file-name "editors/emacs" unlsp-test-repo))
(require 'unres-mode)
(require 'eglot)
(require 'flymake)
(require 'xref)
(require 'cl-lib)

(defvar unlsp-test-failures 0)
(defvar unlsp-test-warnings 0)
(defun unlsp-test-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))
(defun unlsp-test-ok (fmt &rest args) (unlsp-test-out "  ok    %s" (apply #'format fmt args)))
(defun unlsp-test-fail (fmt &rest args)
  (setq unlsp-test-failures (1+ unlsp-test-failures))
  (unlsp-test-out "  FAIL  %s" (apply #'format fmt args)))
(defun unlsp-test-warn (fmt &rest args)
  (setq unlsp-test-warnings (1+ unlsp-test-warnings))
  (unlsp-test-out "  WARN  %s" (apply #'format fmt args)))

(defun unlsp-test-wait (pred &optional timeout)
  "Run the event loop until PRED is non-nil or TIMEOUT seconds pass; return PRED's value."
  (let ((deadline (+ (float-time) (or timeout unlsp-test-timeout)))
        (v nil))
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (sit-for 0.01 t))
    v))

;; The traps of eglot in --batch (../shared/EDITORS.md): no post-command-hook, so call
;; `eglot' directly; no VC root, so give a transient project; no idle delay on changes.
(add-hook 'project-find-functions (lambda (dir) (cons 'transient dir)))
(setq eglot-sync-connect t
      eglot-connect-timeout 30
      eglot-send-changes-idle-time 0
      eglot-autoshutdown t
      eglot-events-buffer-size 0
      unres-server-command (list unlsp-test-bin "serve"))
;; the alist form: eglot 1.9 needs it, later versions still accept it
(setq-default eglot-workspace-configuration '((:unlsp . (:language "auto" :debounceMs 50))))

(defun unlsp-test-diags (&optional min-severity)
  "Flymake diagnostics of the current buffer, at MIN-SEVERITY (:error, :warning) or above."
  (let ((all (flymake-diagnostics)))
    (if (not min-severity)
        all
      (seq-filter (lambda (d)
                    (let ((type (flymake-diagnostic-type d)))
                      (memq type (if (eq min-severity :error)
                                     '(:error eglot-error)
                                   '(:error eglot-error :warning eglot-warning)))))
                  all))))

(defun unlsp-test-diag-key (d)
  (format "%s:%s" (flymake-diagnostic-beg d) (flymake-diagnostic-text d)))

(defun unlsp-test-diag-code (d)
  "The LSP code of the flymake diagnostic D that eglot made."
  (plist-get (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d))) :code))

(defun unlsp-test-with-code (code)
  (seq-find (lambda (d) (equal (unlsp-test-diag-code d) code)) (unlsp-test-diags)))

(defun unlsp-test-citation-fixes (name cases unfixed)
  "Open NAME of the workspace, a fixture with planted citation mistakes; for each
case (CODE WRONG RIGHT) go to CODE's diagnostic, run `eglot-code-actions' as a
user does (a menu, when there is one, answered by the title ending in (CODE)), and
check that the buffer is the original with exactly WRONG replaced by RIGHT and that,
once the server has the new text, CODE's diagnostic is gone and UNFIXED's stays."
  (find-file (expand-file-name name unlsp-test-ws))
  ;; flymake defers its start until the buffer is displayed, which --batch never does
  (flymake-start)
  (if (not (unlsp-test-wait (lambda () (eglot-current-server))))
      (unlsp-test-fail "%s: eglot does not manage it" name)
    (let ((codes (cons unfixed (mapcar #'car cases))))
      (if (not (unlsp-test-wait (lambda () (seq-every-p #'unlsp-test-with-code codes))))
          (unlsp-test-fail "%s: want %s, got %s" name (string-join codes " ")
                           (mapconcat (lambda (d) (format "%s" (unlsp-test-diag-code d))) (unlsp-test-diags) " "))
        (unlsp-test-ok "%s: %s reach flymake" name (string-join codes " "))
        (dolist (case cases)
          (pcase-let* ((`(,code ,wrong ,right) case)
                       (d (unlsp-test-with-code code))
                       (text (buffer-string))
                       (at (string-search wrong text))
                       (want (concat (substring text 0 at) right (substring text (+ at (length wrong)))))
                       (menu nil))
            (goto-char (flymake-diagnostic-beg d))
            (condition-case err
                (let ((last-nonmenu-event ?\r))
                  (cl-letf (((symbol-function 'completing-read)
                             (lambda (_prompt items &rest _)
                               (setq menu (mapcar #'car items))
                               (seq-find (lambda (title) (string-suffix-p (format "(%s)" code) title))
                                         menu))))
                    (call-interactively #'eglot-code-actions)))
              (error (unlsp-test-fail "%s: eglot-code-actions on %s: %s"
                                      name code (error-message-string err))))
            (cond ((equal (buffer-string) want)
                   (unlsp-test-ok "%s: eglot-code-actions%s writes %s" name
                                  (if menu (format " (menu: %s)" (string-join menu " | ")) "")
                                  right))
                  ((equal (buffer-string) text)
                   (unlsp-test-fail "%s: the %s quick fix changed nothing" name code))
                  (t (let ((line (line-number-at-pos (flymake-diagnostic-beg d))))
                       (unlsp-test-fail "%s: the %s quick fix left line %d as %S, want %S" name code line
                                        (nth (1- line) (split-string (buffer-string) "\n"))
                                        (nth (1- line) (split-string want "\n"))))))
            (eglot--signal-textDocument/didChange)
            (if (unlsp-test-wait (lambda () (and (not (unlsp-test-with-code code))
                                                  (unlsp-test-with-code unfixed))))
                (unlsp-test-ok "%s: after the fix %s is gone, %s stays" name code unfixed)
              (unlsp-test-fail "%s: after the fix: %s" name
                               (mapconcat (lambda (d) (format "%s" (unlsp-test-diag-code d))) (unlsp-test-diags) " ")))))))))

;; M-x unres-compare on two versions of A/RES/80/110 that differ in the title, the heading
;; of section II and footnote 2: the *unlsp compare* buffer lists the three changes, and
;; `next-error' from it visits each one's line in the draft, as RET does.
(defun unlsp-test-compare ()
  (require 'unres-compare)
  (find-file (expand-file-name "compare-new.unres" unlsp-test-ws))
  (let* ((draft (current-buffer))
         (line-of (lambda (text)
                    (with-current-buffer draft
                      (goto-char (point-min))
                      (re-search-forward (concat "^" (regexp-quote text) "$"))
                      (line-number-at-pos))))
         (want (list (list (funcall line-of "80/110. Oceans, seas and the law of the sea")
                           "the title changed (1 word)")
                     (list (funcall line-of "II") "section II changed (6 words)")
                     (list (funcall line-of "2 United Nations, Treaty Series, vol. 2167, No. 37924.")
                           "footnote 2 changed (4 words)")))
         (opened nil)
         (got nil))
    (cl-letf (((symbol-function 'browse-url-of-file) (lambda (f) (setq opened f))))
      (let ((unres-diff-program unlsp-test-bin))
        (unres-compare (expand-file-name "compare-old.unres" unlsp-test-ws))))
    (with-current-buffer "*unlsp compare*"
      (goto-char (point-min))
      (dolist (w want)
        (let ((where (format "%s:%d: %s" (buffer-file-name draft) (car w) (cadr w))))
          (push (if (search-forward where nil t) (car w) where) got))))
    (if (equal (nreverse got) (mapcar #'car want))
        (unlsp-test-ok "unres-compare lists the title, section II and footnote 2 at lines %s"
                       (mapconcat (lambda (w) (number-to-string (car w))) want ", "))
      (unlsp-test-fail "unres-compare: missing %S in %S" got
                       (with-current-buffer "*unlsp compare*" (buffer-string))))
    ;; next-error from the list: each change's line in the draft, in order
    (let ((visited nil))
      (with-current-buffer "*unlsp compare*"
        (goto-char (point-min))
        (setq next-error-last-buffer (current-buffer)))
      (dotimes (_ (length want))
        (condition-case err
            (progn (next-error)
                   (push (list (buffer-file-name) (line-number-at-pos)) visited))
          (error (push (error-message-string err) visited))))
      (setq visited (nreverse visited))
      (if (equal visited (mapcar (lambda (w) (list (buffer-file-name draft) (car w))) want))
          (unlsp-test-ok "next-error in *unlsp compare* visits the draft at lines %s"
                         (mapconcat (lambda (v) (number-to-string (cadr v))) visited ", "))
        (unlsp-test-fail "next-error in *unlsp compare*: %S" visited)))
    (if (and opened (with-temp-buffer (insert-file-contents opened)
                                      (and (search-forward "<html" nil t) (search-forward "seas" nil t))))
        (unlsp-test-ok "unres-compare opens the compilation %s" (file-name-nondirectory opened))
      (unlsp-test-fail "unres-compare: no HTML compilation opened (%S)" opened))))

(defun unlsp-test-run ()
  (unlsp-test-out "emacs %s, eglot %s, server %s" emacs-version
                  (or (ignore-errors
                        (package-version-join (package-desc-version (cadr (assq 'eglot package-alist)))))
                      "built-in")
                  unlsp-test-bin)
  ;; 1. modes
  (find-file (expand-file-name "detect.txt" unlsp-test-ws))
  (if (eq major-mode 'unres-mode)
      (unlsp-test-ok "a .txt UN document opens in unres-mode")
    (unlsp-test-fail "detect.txt opened in %s, want unres-mode" major-mode))
  (find-file (expand-file-name "seed001.unres" unlsp-test-ws))
  (unless (eq major-mode 'unres-mode)
    (unlsp-test-fail "seed001.unres opened in %s, want unres-mode" major-mode)
    (error "no unres-mode"))
  (unlsp-test-ok "seed001.unres opens in unres-mode")
  (let ((seed (current-buffer)))
    ;; 2. eglot connects
    (condition-case err
        (call-interactively #'eglot)
      (error (unlsp-test-fail "eglot did not start: %S" err)))
    (let ((server (unlsp-test-wait (lambda () (eglot-current-server)))))
      (unless server
        (unlsp-test-fail "no eglot server for the buffer (does `unlsp serve' start?)")
        (error "no server"))
      (unlsp-test-ok "eglot connected (%s)" (ignore-errors (plist-get (eglot--server-info server) :name)))
      ;; 3. diagnostics through flymake
      (if (unlsp-test-wait (lambda () (unlsp-test-diags)))
          (let ((ds (unlsp-test-diags)))
            (unlsp-test-ok "flymake diagnostics: %d (first: %s)" (length ds)
                           (truncate-string-to-width (flymake-diagnostic-text (car ds)) 70))
            (when (unlsp-test-diags :error)
              (unlsp-test-warn "seed 001 should have no errors, got: %s"
                               (flymake-diagnostic-text (car (unlsp-test-diags :error))))))
        (unlsp-test-fail "no diagnostics reached flymake within %ss" unlsp-test-timeout))
      ;; 4. document symbols
      (let* ((res (jsonrpc-request server :textDocument/documentSymbol
                                   (list :textDocument (eglot--TextDocumentIdentifier))))
             (total 0) (depth 0))
        (cl-labels ((walk (syms d)
                      (seq-doseq (s syms)
                        (setq total (1+ total) depth (max depth d))
                        (when (plist-get s :children) (walk (plist-get s :children) (1+ d))))))
          (walk res 1))
        (if (and (>= total 13) (>= depth 2) (plist-get (seq-first res) :selectionRange))
            (unlsp-test-ok "documentSymbol: %d symbols, depth %d, first: %s" total depth
                           (plist-get (seq-first res) :name))
          (unlsp-test-fail "documentSymbol: want a hierarchy with the 13 operative paragraphs, got %d symbols, depth %d"
                           total depth)))
      ;; 5. definition through xref: "resolution 61/100" -> A_RES_61_100.unres
      (goto-char (point-min))
      (search-forward "its resolution 61/100 of 6 December 2006")
      (search-backward "61/100")
      (forward-char 3)
      (let ((cite-point (point)))
        (condition-case err
            (progn
              (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
              (unlsp-test-wait (lambda () (not (eq (current-buffer) seed))) 5)
              (if (and buffer-file-name (string-match-p "A_RES_61_100\\.unres\\'" buffer-file-name))
                  (unlsp-test-ok "xref-find-definitions on 'resolution 61/100' visits %s"
                                 (file-name-nondirectory buffer-file-name))
                (unlsp-test-fail "xref-find-definitions on 'resolution 61/100' is in %s, want A_RES_61_100.unres"
                                 (or buffer-file-name (buffer-name)))))
          (error (unlsp-test-fail "xref-find-definitions on 'resolution 61/100': %s" (error-message-string err))))
        (switch-to-buffer seed)
        (goto-char cite-point)
        ;; 6. hover
        (let* ((res (condition-case err
                        (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))
                      (error (list :error (error-message-string err)))))
               (contents (plist-get res :contents))
               (text (cond ((stringp contents) contents)
                           ((plist-get contents :value))
                           ((vectorp contents)
                            (mapconcat (lambda (c) (if (stringp c) c (or (plist-get c :value) ""))) contents "\n"))
                           (t ""))))
          (if (string-match-p "[^[:space:]]" text)
              (unlsp-test-ok "hover on the citation: %s"
                             (truncate-string-to-width (replace-regexp-in-string "[ \t\n]+" " " text) 100))
            (unlsp-test-fail "hover on 'resolution 61/100' returned nothing: %S" res))))
      ;; 7. edit: "3. Welcomes" -> "3. Welcoming" (UN007, UN025), then undo
      (let ((before (mapcar #'unlsp-test-diag-key (unlsp-test-diags)))
            new)
        (goto-char (point-min))
        (search-forward "; 3. Welcomes")
        (let ((p (- (point) (length "Welcomes"))))
          (goto-char p)
          (delete-char (length "Welcomes"))
          (insert "Welcoming")
          (eglot--signal-textDocument/didChange)
          (setq new (unlsp-test-wait
                     (lambda ()
                       (seq-find (lambda (d) (not (member (unlsp-test-diag-key d) before)))
                                 (unlsp-test-diags :warning)))))
          (if new
              (unlsp-test-ok "after '3. Welcomes' -> '3. Welcoming': %s"
                             (truncate-string-to-width (flymake-diagnostic-text new) 90))
            (unlsp-test-fail "after '3. Welcomes' -> '3. Welcoming' no new error/warning reached flymake"))
          (goto-char p)
          (delete-char (length "Welcoming"))
          (insert "Welcomes")
          (eglot--signal-textDocument/didChange)
          (when new
            (if (unlsp-test-wait
                 (lambda ()
                   (not (seq-find (lambda (d) (not (member (unlsp-test-diag-key d) before)))
                                  (unlsp-test-diags :warning)))))
                (unlsp-test-ok "after undoing the edit the new diagnostics are gone")
              (unlsp-test-fail "after undoing the edit the diagnostics did not go back"))))
        (set-buffer-modified-p nil))
      ;; 7b. M-x unres-export-akn on an unsaved edit ("3. Welcomes" -> "3. Acknowledges"): the
      ;; server's XML of the buffer's text in an nxml buffer, one <paragraph> per operative
      ;; paragraph (13), the edit in it
      (goto-char (point-min))
      (search-forward "; 3. Welcomes")
      (let ((p (- (point) (length "Welcomes"))))
        (goto-char p)
        (delete-char (length "Welcomes"))
        (insert "Acknowledges")
        (let* ((out (condition-case err
                        (call-interactively #'unres-export-akn)
                      (error (unlsp-test-fail "unres-export-akn: %s" (error-message-string err)) nil)))
               (xml (if (bufferp out) (with-current-buffer out (buffer-string)) ""))
               (mode (and (bufferp out) (buffer-local-value 'major-mode out)))
               (paras 0) (start 0))
          (while (string-match "<paragraph[ >]" xml start)
            (setq paras (1+ paras) start (match-end 0)))
          (if (and (string-prefix-p "<?xml" xml) (string-match-p "<akomaNtoso" xml)
                   (= paras 13) (string-match-p "Acknowledges" xml) (eq mode 'nxml-mode))
              (unlsp-test-ok "unres-export-akn: %s in %s, %d bytes, %d paragraphs, the unsaved edit in it"
                             (buffer-name out) mode (length xml) paras)
            (when (bufferp out)
              (unlsp-test-fail "unres-export-akn: want AKN XML with 13 <paragraph> and 'Acknowledges' in nxml-mode, got %d paragraphs in %s: %s"
                               paras mode (truncate-string-to-width xml 120)))))
        (goto-char p)
        (delete-char (length "Acknowledges"))
        (insert "Welcomes")
        (eglot--signal-textDocument/didChange)
        (set-buffer-modified-p nil))
      ;; 8. imenu outline (eglot 1.9 groups it by symbol kind first): the preambular and
      ;; the operative paragraphs in one group, each under its part, numbered
      (let* ((index (funcall imenu-create-index-function))
             (group (seq-find (lambda (g) (and (consp (cdr g))
                                                     (consp (cdr (assoc "Operative part" (cdr g))))))
                              index))
             (ops (cdr (assoc "Operative part" (cdr group)))))
        (if (and group (consp (cdr (assoc "Preamble" (cdr group))))
                 (consp ops) (string-match-p "\\`1\\. " (car (car ops))))
            (unlsp-test-ok "imenu: preamble and operative part in one group '%s', first: %s"
                           (car group) (truncate-string-to-width (car (car ops)) 60))
          (unlsp-test-fail "imenu: want preambular and operative paragraphs in one group under their part; groups: %s"
                           (mapconcat (lambda (g)
                                        (format "%s[%s]" (car g)
                                                (mapconcat (lambda (e) (truncate-string-to-width (format "%s" (car e)) 20))
                                                           (if (consp (cdr g)) (cdr g) nil) "|")))
                                      index "; "))))
      ;; 9. hover as the client asked: Markdown only when markdown-mode can show it
      (goto-char (point-min))
      (search-forward "its resolution 61/100")
      (backward-char 2)
      (let* ((res (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
             (contents (plist-get res :contents))
             (kind (plist-get contents :kind))
             (want (if (fboundp 'gfm-view-mode) "markdown" "plaintext")))
        (if (and (equal kind want)
                 (or (equal want "markdown") (not (string-match-p "\\*\\*\\|\\](" (plist-get contents :value)))))
            (unlsp-test-ok "hover is %s: %s" kind
                           (truncate-string-to-width (replace-regexp-in-string "[ \t\n]+" " " (plist-get contents :value)) 70))
          (unlsp-test-fail "hover: want %s, got %s: %S" want kind contents))))
    ;; 10. definition on a citation no workspace file is (1514 (XV)): no location, never
    ;; an https://undocs.org URI
    (let ((cites (expand-file-name "cites-1514.unres" unlsp-test-ws)))
      (with-temp-file cites
        (insert "The General Assembly,\n\nRecalling its resolution 1514 (XV) of 14 December 1960,\n\n"
                "1. Decides to remain seized of the matter.\n"))
      (find-file cites)
      (let ((buf (current-buffer))
            (server (unlsp-test-wait (lambda () (eglot-current-server)))))
        (if (not server)
            (unlsp-test-fail "cites-1514.unres: eglot does not manage it")
          (goto-char (point-min))
          (search-forward "resolution 1514")
          (backward-char 2)
          (let ((res (jsonrpc-request server :textDocument/definition
                                      (eglot--TextDocumentPositionParams)))
                (outcome nil))
            (condition-case err
                (progn (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
                       (setq outcome (format "visited %s" (or buffer-file-name (buffer-name)))))
              (error (setq outcome (error-message-string err))))
            (if (and (or (null res) (and (vectorp res) (= (length res) 0)))
                     (eq (current-buffer) buf)
                     (not (seq-find (lambda (b) (string-match-p "undocs" (buffer-name b))) (buffer-list))))
                (unlsp-test-ok "definition on 'resolution 1514 (XV)' (not in the workspace): no location (xref: %s)" outcome)
              (unlsp-test-fail "definition on 'resolution 1514 (XV)': want no location, got %S (xref: %s)" res outcome)))))))
  ;; 11. the catalogue's quick fixes through M-x eglot-code-actions
  (unlsp-test-citation-fixes
   "citations-en.unres"
   '(("UN041" "78/91 of 8 December 2023" "78/91 of 7 December 2023")
     ("UN056" "entitled “Effects of nuclear radiation”" "entitled “Effects of atomic radiation”"))
   "UN055")
  (unlsp-test-citation-fixes
   "citations-zh.unres"
   '(("UN041" "2024年12月20日第79/198号" "2024年12月19日第79/198号")
     ("UN056" "题为“未来公约”" "题为“未来契约”"))
   "UN055")
  ;; 12. M-x unres-compare: where a reworded title, a renamed heading and a changed
  ;; footnote are shown
  (unlsp-test-compare))

(condition-case err
    (unlsp-test-run)
  (error (unlsp-test-fail "test error: %s" (error-message-string err))))
(unlsp-test-out "emacs: %d failure(s), %d warning(s)" unlsp-test-failures unlsp-test-warnings)
(ignore-errors (eglot-shutdown-all))
(kill-emacs (if (> unlsp-test-failures 0) 1 0))

;;; eglot-test.el ends here
