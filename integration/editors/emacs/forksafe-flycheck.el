;;; forksafe-flycheck.el --- forksafe-* checks through clang-tidy in Flycheck -*- lexical-binding: t -*-
;; SPDX-License-Identifier: Apache-2.0

;;; Commentary:
;; A Flycheck checker that runs clang-tidy-19 with the forksafe plugin on
;; the saved file.  clang-tidy finds compile_commands.json in a parent
;; directory of the file by itself; set `forksafe-flycheck-build-dir' when
;; it lives elsewhere (e.g. "build").  Load it with:
;;   (load "/path/to/forksafe/integration/editors/emacs/forksafe-flycheck.el")
;;   (add-hook 'c-mode-hook #'flycheck-mode)
;;   (add-hook 'c++-mode-hook #'flycheck-mode)

;;; Code:
(require 'flycheck)

(defcustom forksafe-flycheck-plugin "/usr/local/lib/ForksafeTidyModule.so"
  "The forksafe clang-tidy plugin."
  :type 'file :group 'flycheck)

(defcustom forksafe-flycheck-build-dir nil
  "Directory holding compile_commands.json, or nil to let clang-tidy search."
  :type '(choice (const nil) directory) :group 'flycheck)

(flycheck-define-checker forksafe-clang-tidy
  "forksafe-* checks (handles inherited across fork) via clang-tidy."
  :command ("clang-tidy-19"
            (eval (concat "--load=" (expand-file-name forksafe-flycheck-plugin)))
            "--checks=forksafe-*"
            "--quiet"
            (option "-p" forksafe-flycheck-build-dir)
            source-original)
  ;; clang-tidy reads the file from disk: check on save only.
  :predicate flycheck-buffer-saved-p
  :error-patterns
  ((warning line-start (file-name) ":" line ":" column ": warning: "
            (message (one-or-more not-newline)) line-end)
   (error line-start (file-name) ":" line ":" column ": error: "
          (message (one-or-more not-newline)) line-end)
   (info line-start (file-name) ":" line ":" column ": note: "
         (message (one-or-more not-newline)) line-end))
  :modes (c-mode c++-mode c-ts-mode c++-ts-mode))

(add-to-list 'flycheck-checkers 'forksafe-clang-tidy 'append)

(provide 'forksafe-flycheck)
;;; forksafe-flycheck.el ends here
