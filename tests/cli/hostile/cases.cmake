# The hostile input suite: malformed scenario files, each given to `netadopt run FILE -o OUT`
# with an OUT of its own. A case checks the exit code, one to three regexes that stderr must
# match (the file and line, the key, the allowed range), and that neither OUT nor a temporary
# OUT.tmp-* is left behind. An exact exit code also rules out a crash (>= 128) and an internal
# error (70). Included from tests/cli/CMakeLists.txt, whose netadopt_cli_test runs each case.
#
# Sweep files have their own table, sweep_cases.cmake (inputs in sweep_inputs/); included files
# have none (a scenario cannot include another). The inputs are in inputs/; two are made at
# configure time (a 1 MB line), one at test time (an unreadable file, unreadable.cmake); the path
# cases write theirs at configure time, and a file over 64 MiB is made (sparse) at test time
# (oversize.cmake).
set(hostile_inputs ${CMAKE_CURRENT_LIST_DIR}/inputs)
set(hostile_out ${CMAKE_CURRENT_BINARY_DIR}/hostile)
file(MAKE_DIRECTORY ${hostile_out})

# hostile_case(FILE [AS name] CODE n STDERR regex... [ARGS more run arguments...]): FILE in
# inputs/ (or a path), run into hostile/<name>.h5 (name: FILE's, without extension), which must
# not exist afterwards. The arguments are passed on bracket-quoted, one by one, as
# netadopt_cli_test reads them (a regex may hold a `;`).
function(hostile_case file)
  get_filename_component(name "${file}" NAME_WE)
  if(ARGV1 STREQUAL "AS")
    set(name "${ARGV2}")
    set(first 3)
  else()
    set(first 1)
  endif()
  if(NOT IS_ABSOLUTE "${file}")
    set(file "${hostile_inputs}/${file}")
  endif()
  set(out "${hostile_out}/${name}.h5")
  set(extra "")
  set(checks "")
  set(in_args FALSE)
  math(EXPR last "${ARGC} - 1")
  foreach(index RANGE ${first} ${last})
    set(arg "${ARGV${index}}")
    if(arg STREQUAL "ARGS")
      set(in_args TRUE)
    elseif(arg MATCHES "^(CODE|STDERR|STDOUT)$")
      set(in_args FALSE)
      string(APPEND checks " ${arg}")
    elseif(in_args)
      string(APPEND extra " [==[${arg}]==]")
    else()
      string(APPEND checks " [==[${arg}]==]")
    endif()
  endforeach()
  cmake_language(EVAL CODE "netadopt_cli_test([==[hostile: ${name}]==] ARGS run [==[${file}]==]
    -o [==[${out}]==] --quiet ${extra} ABSENT [==[${out}]==] ${checks})")
endfunction()

# hostile_valid(FILE STDOUT regex...): a file that looks odd but is valid; `validate` accepts it.
function(hostile_valid file)
  get_filename_component(name "${file}" NAME_WE)
  netadopt_cli_test("hostile, valid: ${name}" ARGS validate ${hostile_inputs}/${file} CODE 0 ${ARGN})
endfunction()

# ---- syntax ---------------------------------------------------------------------------------------
hostile_case(bad_section_header.ini CODE 65 STDERR
  [=[bad_section_header\.ini:2: expected a section header like \[bass\], found '\[two words\]']=])
hostile_case(unterminated_bracket.ini CODE 65 STDERR
  [=[unterminated_bracket\.ini:1: expected a section header like \[bass\], found '\[population']=])
hostile_case(line_without_equals.ini CODE 65 STDERR
  [=[line_without_equals\.ini:2: expected 'key = value', a \[section\] header or a comment, found 'seed 3']=])
hostile_case(key_before_section.ini CODE 65 STDERR
  [=[key_before_section\.ini:1: key 'seed' comes before any \[section\] header]=])
hostile_case(empty_key.ini CODE 65 STDERR [=[empty_key\.ini:2: expected 'key = value', found '= 3']=])
hostile_case(key_with_space.ini CODE 65 STDERR
  [=[key_with_space\.ini:2: expected 'key = value', found 'random seed = 3']=])
hostile_case(duplicate_key.ini CODE 65 STDERR
  [=[duplicate_key\.ini:3: key 'run\.seed': given twice; first on line 2]=])
hostile_case(binary_garbage.bin CODE 65 STDERR
  [=[binary_garbage\.bin:[0-9]+: not a text file \(found a NUL byte\); expected an INI scenario file]=])
hostile_case(binary_without_nul.bin CODE 65 STDERR
  [=[binary_without_nul\.bin:1: expected 'key = value', a \[section\] header or a comment, found ']=]
  [=[netadopt: [0-9]+ problems in the scenario]=])
hostile_case(utf16.ini CODE 65 STDERR [=[utf16\.ini:1: not a text file \(found a NUL byte\)]=])
# Raw bytes never reach the terminal: in a message quoting a key or a value, control characters
# and bytes that are not UTF-8 read \xNN; well-formed UTF-8 (the é of "Linkédin") is kept.
hostile_case(binary_key_value.ini CODE 65 STDERR
  [=[binary_key_value\.ini:3: key 'run\.seed': expected an integer, found '3\\xff\\xfe']=]
  [=[binary_key_value\.ini:5: key 'population\.si\\x1bze': unknown key]=]
  [=[binary_key_value\.ini:7: key 'platform1\.name': expected a text of 1 to 64 characters .*found 'LinkédIn\\x07']=])

# ---- keys -----------------------------------------------------------------------------------------
hostile_case(unknown_key.ini CODE 65 STDERR
  [=[unknown_key\.ini:2: key 'run\.weather': unknown key; `netadopt describe` lists the keys]=])
hostile_case(unknown_section.ini CODE 65 STDERR
  [=[unknown_section\.ini:2: key 'weather\.rain': unknown key]=])
hostile_case(misspelt_key.ini CODE 65 STDERR
  [=[misspelt_key\.ini:2: key 'population\.sise': unknown key; did you mean 'population\.size'\?]=])
hostile_case(empty_value.ini CODE 65 STDERR
  [=[empty_value\.ini:2: key 'run\.seed': empty value; allowed \[0, 9007199254740991\]]=])

# ---- types ------------------------------------------------------------------------------------------
hostile_case(integer_text.ini CODE 65 STDERR
  [=[integer_text\.ini:2: key 'population\.size': expected an integer, found 'many'; allowed \[1, 2000000000\] agents]=])
hostile_case(integer_fraction.ini CODE 65 STDERR
  [=[integer_fraction\.ini:2: key 'population\.size': expected an integer, found '1\.5'; allowed \[1, 2000000000\] agents]=])
hostile_case(integer_exponent.ini CODE 65 STDERR
  [=[integer_exponent\.ini:2: key 'run\.replications': expected an integer, found '1e9'; allowed \[1, 100000\]]=])
hostile_case(integer_overflow.ini CODE 65 STDERR
  [=[integer_overflow\.ini:2: key 'run\.seed': value 99999999999999999999999 is out of range; allowed \[0, 9007199254740991\]]=])
hostile_case(integer_trailing_garbage.ini CODE 65 STDERR
  [=[integer_trailing_garbage\.ini:2: key 'run\.seed': expected an integer, found '12abc']=])
hostile_case(integer_hex.ini CODE 65 STDERR
  [=[integer_hex\.ini:2: key 'population\.size': expected an integer, found '0x10'; allowed \[1, 2000000000\] agents]=])
hostile_case(real_hex.ini CODE 65 STDERR
  [=[real_hex\.ini:2: key 'bass\.p': expected a real number, found '0x1p-3'; allowed \[0, 100\] per year]=])
hostile_case(real_overflow.ini CODE 65 STDERR
  [=[real_overflow\.ini:2: key 'bass\.p': value 1e400 is out of range; allowed \[0, 100\] per year]=])
hostile_case(real_nan.ini CODE 65 STDERR
  [=[real_nan\.ini:2: key 'bass\.q': expected a finite real number, found 'nan'; allowed \[0, 100\] per year]=])
hostile_case(real_inf.ini CODE 65 STDERR
  [=[real_inf\.ini:2: key 'bass\.q': expected a finite real number, found 'inf'; allowed \[0, 100\] per year]=])
hostile_case(real_minus_inf.ini CODE 65 STDERR
  [=[real_minus_inf\.ini:2: key 'bass\.p': expected a finite real number, found '-inf']=])
hostile_case(real_comma_decimal.ini CODE 65 STDERR
  [=[real_comma_decimal\.ini:2: key 'bass\.p': expected a real number, found '0,03']=])
hostile_case(real_two_values.ini CODE 65 STDERR
  [=[real_two_values\.ini:2: key 'bass\.p': expected a real number, found '0\.03 0\.04']=])
hostile_case(choice_unknown_model.ini CODE 65 STDERR
  [=[choice_unknown_model\.ini:2: key 'run\.model': expected one of: bass, essay[^']*, found 'gompertz']=])
hostile_case(choice_wrong_case.ini CODE 65 STDERR
  [=[choice_wrong_case\.ini:2: key 'run\.model': expected one of: bass, essay[^']*, found 'Bass']=])
hostile_case(platform_name_forbidden.ini CODE 65 STDERR
  [=[platform_name_forbidden\.ini:4: key 'platform1\.name': expected a text of 1 to 64 characters]=]
  [=[found 'Linked<In>']=])

# ---- ranges -----------------------------------------------------------------------------------------
hostile_case(size_zero.ini CODE 65 STDERR
  [=[size_zero\.ini:2: key 'population\.size': value 0 is out of range; allowed \[1, 2000000000\] agents]=])
hostile_case(size_negative.ini CODE 65 STDERR
  [=[size_negative\.ini:2: key 'population\.size': value -5 is out of range; allowed \[1, 2000000000\] agents]=])
hostile_case(replications_zero.ini CODE 65 STDERR
  [=[replications_zero\.ini:2: key 'run\.replications': value 0 is out of range; allowed \[1, 100000\]]=])
hostile_case(replications_huge.ini CODE 65 STDERR
  [=[replications_huge\.ini:2: key 'run\.replications': value 1000000000 is out of range; allowed \[1, 100000\]]=])
hostile_case(interval_zero.ini CODE 65 STDERR
  [=[interval_zero\.ini:2: key 'output\.interval_days': value 0 is out of range; allowed \(0, 36525\] days]=])
hostile_case(platforms_count_zero.ini CODE 65 STDERR
  [=[platforms_count_zero\.ini:4: key 'platforms\.count': value 0 is out of range; allowed \[1, 8\]]=])
hostile_case(platforms_count_four.ini CODE 65 STDERR
  [=[platforms_count_four\.ini:4: key 'platforms\.count': value 9 is out of range; allowed \[1, 8\]]=])

# ---- dates ------------------------------------------------------------------------------------------
hostile_case(end_before_start.ini CODE 65 STDERR
  [=[end_before_start\.ini:3: key 'run\.end': run\.end \(2004-01-01\) must be after run\.start \(2005-01-01\)]=])
hostile_case(end_equals_start.ini CODE 65 STDERR
  [=[end_equals_start\.ini:3: key 'run\.end': run\.end \(2005-01-01\) must be after run\.start \(2005-01-01\)]=])
hostile_case(date_february_30.ini CODE 65 STDERR
  [=[date_february_30\.ini:2: key 'run\.start': expected a date YYYY-MM-DD, found '2003-02-30']=]
  [=[allowed a date YYYY-MM-DD from 1900-01-01 to 2199-12-31]=])
hostile_case(date_month_13.ini CODE 65 STDERR
  [=[date_month_13\.ini:2: key 'run\.start': expected a date YYYY-MM-DD, found '2003-13-01']=])
hostile_case(date_two_digit_year.ini CODE 65 STDERR
  [=[date_two_digit_year\.ini:2: key 'run\.start': expected a date YYYY-MM-DD, found '03-01-01']=])
hostile_case(date_with_time.ini CODE 65 STDERR
  [=[date_with_time\.ini:2: key 'run\.end': expected a date YYYY-MM-DD, found '2010-01-01T00:00:00']=])
hostile_case(date_out_of_range.ini CODE 65 STDERR
  [=[date_out_of_range\.ini:2: key 'run\.end': value 2300-01-01 is out of range; allowed a date YYYY-MM-DD from 1900-01-01 to 2199-12-31]=])

# ---- cross-key checks ---------------------------------------------------------------------------------
hostile_case(shares_not_one.ini CODE 65 STDERR
  [=[shares_not_one\.ini:6: key 'population\.share_middle_manager': ]=]
  [=[population\.share_executive, population\.share_salesperson and population\.share_middle_manager must sum to 1; they sum to 1\.5]=])
hostile_case(mixing_row_zero.ini CODE 65 STDERR
  [=[mixing_row_zero\.ini:6: key 'network\.mix_executive_middle_manager': ]=]
  [=[network\.mix_executive_executive, network\.mix_executive_salesperson and network\.mix_executive_middle_manager sum to 0]=])
hostile_case(initial_adopters_above_size.ini CODE 65 STDERR
  [=[initial_adopters_above_size\.ini:4: key 'bass\.initial_adopters': bass\.initial_adopters \(200\) exceeds population\.size \(100\)]=])

# ---- every problem at once ------------------------------------------------------------------------------
hostile_case(many_errors.ini CODE 65 STDERR
  [=[many_errors\.ini:3: key 'run\.seed': expected an integer, found 'abc'.*many_errors\.ini:4: key 'run\.replications': value 0 is out of range.*many_errors\.ini:5: key 'run\.start'.*many_errors\.ini:7: key 'population\.sise': unknown key; did you mean 'population\.size'\?]=]
  [=[many_errors\.ini:9: key 'bass\.p'.*many_errors\.ini:10: key 'bass\.q'.*many_errors\.ini:12: key 'weather\.rain'.*many_errors\.ini:13: expected 'key = value']=]
  [=[netadopt: 8 problems in the scenario]=])

# ---- memory: the resource guard refuses up front (69, EX_UNAVAILABLE) -----------------------------------
hostile_case(huge_essay_population.ini CODE 69 STDERR
  [=[netadopt: this run needs about [0-9.]+ (GiB|TiB) of memory \(1 replication in flight]=]
  [=[is available \(]=] [=[population\.size.*run\.replications.*--threads.*--no-memory-check]=])
hostile_case(huge_output.ini CODE 69 STDERR
  [=[netadopt: this run needs about [0-9.]+ (TiB|PiB) of memory]=] [=[TiB of output\)]=])

# ---- a 1 MB line: refused with its key, and as a comment ignored ------------------------------------------
string(REPEAT "A" 1048576 megabyte)
file(WRITE ${hostile_out}/long_line.ini "[platform1]\nname = ${megabyte}\n")
file(WRITE ${hostile_out}/long_comment.ini "# ${megabyte}\n[population]\nsize = 100\n")
hostile_case(${hostile_out}/long_line.ini CODE 65 STDERR
  [=[long_line\.ini:2: key 'platform1\.name': expected a text of 1 to 64 characters]=])
netadopt_cli_test("hostile, valid: a 1 MB comment line" ARGS validate ${hostile_out}/long_comment.ini
  CODE 0 STDOUT "\nsize = 100\n")

# ---- path keys: up to 4096 characters (a cluster's absolute paths are long); other texts 64 ------------------
# A 200-character graph.file passes the length check and is refused only as missing; one of 5000
# characters is refused naming the 4096 limit.
string(REPEAT "abcdefghi/" 19 dirs190)
string(REPEAT "abcdefghi/" 500 dirs5000)
file(WRITE ${hostile_out}/path_200.ini
  "[run]\nmodel = sir\n[graph]\nsource = file\nfile = ${dirs190}edges1.txt\n")
file(WRITE ${hostile_out}/path_5000.ini
  "[run]\nmodel = sir\n[graph]\nsource = file\nfile = ${dirs5000}\n")
file(WRITE ${hostile_out}/fork_path_5000.ini "[fork]\ncheckpoint = ${dirs5000}\n")
hostile_case(${hostile_out}/path_200.ini CODE 65 STDERR
  [=[path_200\.ini:5: key 'graph\.file': graph\.source is 'file' but graph\.file names no readable file: '[^']*/abcdefghi/edges1\.txt']=])
hostile_case(${hostile_out}/path_5000.ini CODE 65 STDERR
  [=[path_5000\.ini:5: key 'graph\.file': expected a path of 1 to 4096 characters]=])
hostile_case(${hostile_out}/fork_path_5000.ini CODE 65 STDERR
  [=[fork_path_5000\.ini:2: key 'fork\.checkpoint': expected a path of 1 to 4096 characters]=])

# ---- a file that defines no keys: 65, not a silent run of the default model ----------------------------------
foreach(empty empty.ini comments_only.ini bom_only.ini)
  string(REPLACE "." "\\." pattern "${empty}")
  hostile_case(${empty} CODE 65 STDERR
    "${pattern}: the file defines no keys \\(it is empty, or holds only comments\\)"
    [=[sets at least `model = \.\.\.` under \[run\] \(the shipped scenarios are in scenarios/]=])
endforeach()

# ---- files too large to be a scenario: 66, refused at once (read in chunks, never past 64 MiB) -------------
hostile_case(/dev/zero AS dev_zero CODE 66 STDERR
  [=[/dev/zero: cannot read scenario file: larger than 64 MiB; expected a short INI text file]=])
netadopt_cli_test("hostile: validate /dev/zero" ARGS validate /dev/zero CODE 66 STDERR
  [=[/dev/zero: cannot read scenario file: larger than 64 MiB; expected a short INI text file]=])
set_tests_properties("cli: hostile: dev_zero" "cli: hostile: validate /dev/zero" PROPERTIES TIMEOUT 20)
add_test(NAME "cli: hostile: a file over 64 MiB"
  COMMAND ${CMAKE_COMMAND} -DNETADOPT=${NETADOPT_CLI} -DWORK=${hostile_out}
          -P ${CMAKE_CURRENT_LIST_DIR}/oversize.cmake)
set_tests_properties("cli: hostile: a file over 64 MiB" PROPERTIES TIMEOUT 60)

# ---- files that cannot be read: 66 ------------------------------------------------------------------------
hostile_case(no_such_file.ini CODE 66 STDERR
  [=[no_such_file\.ini: cannot read scenario file: No such file or directory]=])
netadopt_cli_test("hostile: a directory" ARGS run ${hostile_inputs} -o ${hostile_out}/directory.h5
  --quiet CODE 66 ABSENT ${hostile_out}/directory.h5 STDERR "cannot read scenario file: Is a directory")
add_test(NAME "cli: hostile: an unreadable file"
  COMMAND ${CMAKE_COMMAND} -DNETADOPT=${NETADOPT_CLI} -DINPUT=${hostile_inputs}/small_valid.ini
          -DWORK=${hostile_out} -P ${CMAKE_CURRENT_LIST_DIR}/unreadable.cmake)

# ---- --set and command-line mistakes ------------------------------------------------------------------------
hostile_case(small_valid.ini AS set_without_equals ARGS --set population.size CODE 65 STDERR
  [=[--set: expected section\.key=value, found 'population\.size']=])
hostile_case(small_valid.ini AS set_without_key ARGS --set =5 CODE 65 STDERR
  [=[--set: expected section\.key=value, found '=5']=])
hostile_case(small_valid.ini AS set_unknown_key ARGS --set bass.qq=1 CODE 65 STDERR
  [=[--set: key 'bass\.qq': unknown key; did you mean 'bass\.q'\?]=])
hostile_case(small_valid.ini AS set_wrong_type ARGS --set population.size=lots CODE 65 STDERR
  [=[--set: key 'population\.size': expected an integer, found 'lots'; allowed \[1, 2000000000\] agents]=])
hostile_case(small_valid.ini AS set_twice ARGS --set run.seed=1 --set run.seed=2 CODE 65 STDERR
  [=[--set: key 'run\.seed': given twice in --set]=])
hostile_case(small_valid_country.ini AS set_memory ARGS --set run.model=essay --set population.size=1000000000
  --set firms.max_size=10000000 CODE 69 STDERR [=[needs about .* of memory]=])
hostile_case(small_valid_country.ini AS essay_over_2_30 ARGS --set run.model=essay
  --set population.size=2000000000 CODE 65 STDERR
  [=[population\.size: the essay model holds at most 1073741823 agents \(2\^30 - 1\), found 2000000000]=])
netadopt_cli_test("hostile: --no-memory-check is accepted" ARGS run ${hostile_inputs}/small_valid.ini
  -o ${hostile_out}/no_memory_check.h5 --force --no-memory-check CODE 0 STDOUT "wrote ")
hostile_case(small_valid.ini AS threads_negative ARGS --threads -1 CODE 64 STDERR
  [=[--threads must be >= 0, found -1]=])
hostile_case(small_valid.ini AS threads_text ARGS --threads many CODE 64 STDERR [=[threads]=])
hostile_case(small_valid.ini AS unknown_flag ARGS --frobnicate CODE 64 STDERR [=[frobnicate]=])

# ---- the output: never into a missing folder, never over an existing file without --force ------------
netadopt_cli_test("hostile: output into a missing directory" ARGS run ${hostile_inputs}/small_valid.ini
  -o ${hostile_out}/no_such_dir/out.h5 --quiet CODE 73 ABSENT ${hostile_out}/no_such_dir/out.h5
  STDERR "output directory '[^']*no_such_dir' does not exist")
netadopt_cli_test("hostile: output is a directory" ARGS run ${hostile_inputs}/small_valid.ini
  -o ${hostile_out} --quiet CODE 73 STDERR "is a directory; expected a file name")
netadopt_cli_test("hostile: existing output without --force" ARGS run ${hostile_inputs}/small_valid.ini
  -o ${hostile_out}/existing.h5 --quiet CODE 73 TOUCH ${hostile_out}/existing.h5
  STDERR "output file '[^']*existing\\.h5' exists; use --force to overwrite it")

# ---- odd but valid ----------------------------------------------------------------------------------
hostile_valid(crlf.ini STDOUT "\nseed = 3\n" "\nsize = 100\n")
hostile_valid(bom.ini STDOUT "\nseed = 3\n" "\nsize = 100\n")
hostile_valid(tabs_and_spaces.ini STDOUT "\nseed = 3\n" "\nsize = 100\n")
hostile_valid(duplicate_section.ini STDOUT "\nseed = 3\n" "\nreplications = 2\n" "\nsize = 100\n")

# ---- safe output: a killed run, a full disk ----------------------------------------------------
foreach(signal KILL TERM INT)
  add_test(NAME "cli: safe output: SIG${signal} midway leaves no output"
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/safe_output.sh ${NETADOPT_CLI} ${hostile_inputs}
            ${hostile_out} signal ${signal})
endforeach()
add_test(NAME "cli: safe output: a full disk exits 74 and leaves no output"
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/safe_output.sh ${NETADOPT_CLI} ${hostile_inputs}
          ${hostile_out} full-disk)
set_tests_properties("cli: safe output: a full disk exits 74 and leaves no output"
  PROPERTIES SKIP_REGULAR_EXPRESSION "netadopt-test-skipped")

# ---- checkpoints and forks: SIGTERM and resume, periodic checkpoints, forks, damaged ones -----
foreach(case signal build-signal periodic fork fork-provenance damaged)
  add_test(NAME "cli: checkpoint: ${case}"
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/../checkpoint.sh ${NETADOPT_CLI} ${hostile_inputs}
            ${hostile_out}/checkpoint_${case} ${case})
endforeach()
