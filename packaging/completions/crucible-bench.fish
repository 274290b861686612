# fish completion for crucible-bench: options, the values of some of them, workload ids and
# categories, and file arguments. Options come from the program's own --help (a new one
# completes without an edit here); ids and categories from `crucible-bench --list`, of the
# --suite given on the line, if any.

function __crucible_bench_options
    set -l program (commandline -opc)[1]
    $program --help 2>/dev/null | string match -rg -- '^ +(?:-[a-zA-Z], )?(--[a-z][a-z-]*)'
end

function __crucible_bench_takes_value
    # Whether the word before the cursor is an option that takes a value ("--suite <FILE>").
    set -l words (commandline -opc)
    set -l program $words[1]
    set -l prev $words[-1]
    string match -q -- '--*' $prev; or return 1
    $program --help 2>/dev/null | string match -rq -- '^ +(?:-[a-zA-Z], )?'(string escape --style=regex -- $prev)' <'
end

function __crucible_bench_prev_is
    set -l words (commandline -opc)
    contains -- $words[-1] $argv
end

function __crucible_bench_workloads
    set -l words (commandline -opc)
    set -l program $words[1]
    set -l suite
    set -l i (contains -i -- --suite $words)
    and test $i -lt (count $words)
    and set suite --suite $words[(math $i + 1)]
    set -l listing ($program $suite --list 2>/dev/null)
    for line in $listing
        set -l fields (string split -n ' ' -- $line)
        printf '%s\t%s\n' $fields[1] $fields[2]
    end
    for line in $listing
        string split -n ' ' -- $line | sed -n 2p
    end | sort -u | while read -l category
        printf '%s\tcategory\n' $category
    end
end

function __crucible_bench_formats
    set -l program (commandline -opc)[1]
    set -l token (commandline -ct)
    set -l done_items (string match -r '^.*,' -- $token)
    # --help says "Comma list of json,csv,…;", perhaps over two lines.
    set -l help (string join ' ' ($program --help 2>/dev/null) | string replace -ra ' +' ' ')
    for f in (string split , -- (string match -rg -- '--format <LIST> Comma list of ([a-z,]+);' $help))
        printf '%s%s\n' "$done_items" $f
    end
end

complete -c crucible-bench -e
# Options, with a value or not, from --help.
complete -c crucible-bench -n 'not __crucible_bench_takes_value; and string match -q -- "-*" (commandline -ct)' -f -a '(__crucible_bench_options)'
# Values: files, folders, formats.
complete -c crucible-bench -n '__crucible_bench_prev_is --suite --import --db --input --export-json --export-markdown --export-csv' -F -r
complete -c crucible-bench -n '__crucible_bench_prev_is --output-dir' -f -r -a '(__fish_complete_directories)'
complete -c crucible-bench -n '__crucible_bench_prev_is --format' -f -r -a '(__crucible_bench_formats)'
# Positional words: two result files after --compare, else workload ids and categories.
complete -c crucible-bench -n 'contains -- --compare (commandline -opc); and not __crucible_bench_takes_value' -F
complete -c crucible-bench -n 'not contains -- --compare (commandline -opc); and not __crucible_bench_takes_value; and not string match -q -- "-*" (commandline -ct)' -f -a '(__crucible_bench_workloads)'
