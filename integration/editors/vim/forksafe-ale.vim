" forksafe-* checks through ALE's clang-tidy linter (Vim and Neovim).
" Source this from your vimrc / init.vim, or copy the lines:
"   source /path/to/forksafe/integration/editors/vim/forksafe-ale.vim
"
" ALE runs:  clang-tidy-19 -checks='forksafe-*' '--load=PLUGIN' FILE -p BUILD
" and reads 'file:line:col: warning: message [check]' from stdout.
" ALE quotes c_clangtidy_extra_options as ONE argument: put only --load there.
let g:ale_c_clangtidy_executable = 'clang-tidy-19'
let g:ale_cpp_clangtidy_executable = 'clang-tidy-19'
let g:ale_c_clangtidy_extra_options = '--load=/usr/local/lib/ForksafeTidyModule.so'
let g:ale_cpp_clangtidy_extra_options = '--load=/usr/local/lib/ForksafeTidyModule.so'
" Added to the checks of the project's .clang-tidy, not instead of them.
let g:ale_c_clangtidy_checks = ['forksafe-*']
let g:ale_cpp_clangtidy_checks = ['forksafe-*']
" Where compile_commands.json is (ALE also searches parents of the file).
let g:ale_c_build_dir_names = ['build', 'bin']
let g:ale_linters = get(g:, 'ale_linters', {})
let g:ale_linters.c = get(g:ale_linters, 'c', []) + ['clangtidy']
let g:ale_linters.cpp = get(g:ale_linters, 'cpp', []) + ['clangtidy']
