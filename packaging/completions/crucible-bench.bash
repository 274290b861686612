# bash completion for crucible-bench: options, the values of some of them, workload ids and
# categories, and file arguments.
#
# The options are read from the program's own --help, so a new option completes without an
# edit here; the workload ids and categories from `crucible-bench --list` (of the --suite given
# on the line, if any), whose first two columns they are. Nothing here needs the
# bash-completion package.

# The program named on the line, as the shell would find it ("~/bin/..." expanded).
_crucible_bench_program()
{
    local program=${COMP_WORDS[0]}
    [[ $program == "~/"* ]] && program=$HOME/${program#"~/"}
    printf '%s\n' "$program"
}

# "--flag" for every option --help lists, and "--flag <VALUE>" for those that take a value.
_crucible_bench_help()
{
    "$(_crucible_bench_program)" --help 2>/dev/null | grep -oE '^ +(-[a-zA-Z], )?--[a-z][a-z-]*( <[^>]*>)?' |
        sed -E 's/^ +(-[a-zA-Z], )?//'
}

_crucible_bench_workloads()
{
    local suite=() i
    for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
        if [[ ${COMP_WORDS[i]} == --suite ]]; then
            suite=(--suite "${COMP_WORDS[i + 1]/#\~\//$HOME/}")
        fi
    done
    # Columns: id, category, description. Ids first, then each category once.
    "$(_crucible_bench_program)" "${suite[@]}" --list 2>/dev/null | awk '{ print $1 } { cats[$2] = 1 }
        END { for (c in cats) print c }'
}

_crucible_bench()
{
    # The word as typed, '=' and ':' included (they are word breaks to bash, not to ids such
    # as system.file_write/size=1MiB), and the word before it.
    local line=${COMP_LINE:0:COMP_POINT}
    local cur=${line##*[[:space:]]}
    local prev=${COMP_WORDS[COMP_CWORD - 1]}
    [[ ${COMP_WORDS[COMP_CWORD]} != "$cur" && $prev == [=:] ]] && prev=${COMP_WORDS[COMP_CWORD - 2]}
    COMPREPLY=()

    local help
    help=$(_crucible_bench_help)
    # An option that takes a value (its --help line is "--suite <FILE>"): complete the value.
    if [[ $prev == --* && $'\n'$help == *$'\n'"$prev <"* ]]; then
        case $prev in
            --suite | --import | --db | --input | --export-json | --export-markdown | --export-csv)
                compopt -o filenames 2>/dev/null
                mapfile -t COMPREPLY < <(compgen -f -- "$cur")
                ;;
            --output-dir)
                compopt -o filenames 2>/dev/null
                mapfile -t COMPREPLY < <(compgen -d -- "$cur")
                ;;
            --format)
                # A comma list: complete its last item, keeping the ones before it.
                local done_items=${cur%"${cur##*,}"} formats
                # --help says "Comma list of json,csv,…;", perhaps over two lines.
                formats=$("$(_crucible_bench_program)" --help 2>/dev/null | tr -s ' \n' '  ' |
                    sed -nE 's/.*--format <LIST> Comma list of ([a-z,]+);.*/\1/p' | tr ',' ' ')
                mapfile -t COMPREPLY < <(compgen -P "$done_items" -W "$formats" -- "${cur##*,}")
                compopt -o nospace 2>/dev/null
                ;;
        esac
        return 0
    fi

    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(sed -E 's/ <.*//' <<<"$help")" -- "$cur")
        return 0
    fi
    local word
    for word in "${COMP_WORDS[@]}"; do
        if [[ $word == --compare ]]; then # two result files
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return 0
        fi
    done
    mapfile -t COMPREPLY < <(compgen -W "$(_crucible_bench_workloads)" -- "$cur")
    # bash replaces only the part of the word after its last '=' or ':'.
    local before=${cur%"${cur##*[=:]}"}
    if [[ -n $before && $COMP_WORDBREAKS == *"${before: -1}"* ]]; then
        COMPREPLY=("${COMPREPLY[@]#"$before"}")
    fi
    return 0
}

complete -F _crucible_bench crucible-bench
