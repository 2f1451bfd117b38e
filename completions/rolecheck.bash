# bash completion for rolecheck                                   -*- shell-script -*-
# Installed as share/bash-completion/completions/rolecheck; completes subcommands, their options and
# the values those options take (formats, labels, colours, ...), and files for everything else.

_rolecheck() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null 2>&1; then
    _init_completion -n = || return
  else
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
    # Without bash-completion, "--format=js" arrives as three words: "--format" "=" "js".
    if [[ $prev == = && $cword -ge 2 ]]; then
      prev=${COMP_WORDS[COMP_CWORD - 2]}
    elif [[ $cur == = ]]; then
      prev=${COMP_WORDS[COMP_CWORD - 1]}
      cur=""
    fi
  fi

  local subcommands="table classify explain eval taxonomy stats report fit diff help version"
  local global_options="--help --version -V --taxonomy --color"
  # Accepted after the subcommand too.
  local global_after="--taxonomy --color"

  # The subcommand (and taxonomy's own subcommand) typed so far; skip the value of --taxonomy.
  local command="" action="" i word
  for ((i = 1; i < cword; i++)); do
    word=${words[i]}
    case $word in
      --taxonomy | --color) ((i++)); continue ;;
      -*) continue ;;
    esac
    if [[ -z $command ]]; then
      command=$word
    elif [[ $command == taxonomy && -z $action ]]; then
      action=$word
    fi
  done

  # Values of options, whatever the subcommand.
  local option=$prev value_prefix=""
  if [[ $cur == --*=* ]]; then
    option=${cur%%=*}
    cur=${cur#*=}
  fi
  case $command:$option in
    *:--taxonomy | *:-o | *:--output | fit:--report)
      COMPREPLY=($(compgen -f -- "$cur"))
      compopt -o filenames 2>/dev/null
      return ;;
    table:-f | table:--format) COMPREPLY=($(compgen -W "text markdown csv json" -- "$cur")); return ;;
    table:-d | table:--difference)
      COMPREPLY=($(compgen -W "1 2 3 4 business_concept core_capabilities execution_capabilities essential_purpose" -- "$cur"))
      return ;;
    classify:-f | classify:--format) COMPREPLY=($(compgen -W "text jsonl json tsv csv" -- "$cur")); return ;;
    diff:-f | diff:--format) COMPREPLY=($(compgen -W "text jsonl" -- "$cur")); return ;;
    eval:-f | eval:--format | stats:-f | stats:--format | taxonomy:--format)
      COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
    *:--color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    explain:-f | explain:--format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
    *:--only | *:--expect)
      # A comma-separated list: complete the label after the last comma (review only for --only).
      local done_part="" last=$cur labels="sales marketing other mixed hybrid unknown"
      [[ $option == --only ]] && labels+=" review"
      if [[ $cur == *,* ]]; then
        done_part=${cur%,*},
        last=${cur##*,}
      fi
      COMPREPLY=($(compgen -P "$done_part" -W "$labels" -- "$last"))
      compopt -o nospace 2>/dev/null
      return ;;
    fit:--penalty) COMPREPLY=($(compgen -W "l1 l2" -- "$cur")); return ;;
    *:--sort) COMPREPLY=($(compgen -W "coverage precision conflicts false-alarms" -- "$cur")); return ;;
    *:--label-column) COMPREPLY=($(compgen -W "label text_label" -- "$cur")); return ;;
    *:--unit) COMPREPLY=($(compgen -W "line document" -- "$cur")); return ;;
    *:--input) COMPREPLY=($(compgen -W "text jsonl json csv html" -- "$cur")); return ;;
    *:--text-field | *:--text-column | *:--id-field | *:--id-column | *:--title-field | *:--title-column) return ;;
    *:--min-confidence | *:--max-line-bytes | *:--errors | *:--top | *:--part | *:--except-part | *:-j | *:--jobs | \
      *:-w | *:--width | *:--title | \
      *:--regularisation | *:--folds | *:--min-rows)
      return ;;  # free-form values
  esac

  local options
  case $command in
    "")
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$global_options" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "$subcommands" -- "$cur"))
      fi
      return ;;
    table) options="--help --format --difference --width --ascii" ;;
    classify)
      options="--help --format --explain --min-confidence --only --review --count --quiet --expect --skip-blank
               --max-line-bytes --output --line-buffered --summary --jobs --unit --input --text-field --text-column
               --id-field --id-column --title-field --title-column" ;;
    explain) options="--help --format --output --min-confidence" ;;
    help)
      COMPREPLY=($(compgen -W "$subcommands" -- "$cur"))
      return ;;
    version) options="--help" ;;
    eval) options="--help --format --errors --part --except-part --min-confidence --label-column --text-column" ;;
    stats) options="--help --format --sort --errors --top --output --label-column --text-column" ;;
    report)
      options="--help --output --title --min-confidence --max-line-bytes --unit --input --text-field --text-column
               --id-field --id-column --title-field --title-column" ;;
    fit)
      options="--help --output --report --part --except-part --label-column --text-column --regularisation --penalty --keep-sign
               --no-keep-sign --folds --min-rows" ;;
    diff)
      options="--help --format --exit-code --output --jobs --unit --input --text-field --text-column --id-field
               --id-column --title-field --title-column"
      # OLD and NEW: a taxonomy file or the word embedded; then the corpus files.
      local positionals=0
      for ((i = 2; i < cword; i++)); do
        case ${words[i]} in
          -f | --format | -o | --output | -j | --jobs | --unit | --input | --text-field | --text-column | --id-field | \
            --id-column | --title-field | --title-column) ((i++)) ;;
          -*) ;;
          *) ((positionals++)) ;;
        esac
      done
      if [[ $cur != -* && $positionals -lt 2 ]]; then
        COMPREPLY=($(compgen -W "embedded" -- "$cur") $(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur"))
        compopt -o filenames 2>/dev/null
        return
      fi
      ;;
    taxonomy)
      if [[ -z $action ]]; then
        if [[ $cur == -* ]]; then
          COMPREPLY=($(compgen -W "--help" -- "$cur"))
        else
          COMPREPLY=($(compgen -W "validate show" -- "$cur"))
        fi
        return
      fi
      case $action in
        validate) options="--help" ;;
        show) options="--help --format" ;;
        *) return ;;
      esac
      ;;
    *) return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options $global_after" -- "$cur"))
  elif [[ $command != explain && $command != version ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
  fi
} && complete -F _rolecheck rolecheck
