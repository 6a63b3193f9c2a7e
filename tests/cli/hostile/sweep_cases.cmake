# The hostile input suite, sweep files: each malformed sweep file is given to
# `netadopt sweep FILE -o OUT --threads 1 --quiet` with an OUT of its own. A case checks the exit
# code, one to three regexes that stderr must match (the file and line, the key, the allowed
# range or values), and that neither OUT, nor a temporary OUT.tmp-*, nor the sweep's journal
# folder OUT.pairs is left behind. An exact exit code also rules out a crash (>= 128) and an
# internal error (70). Included from tests/cli/CMakeLists.txt after cases.cmake (whose
# hostile_out it shares); netadopt_cli_test runs each case.
#
# The inputs are in sweep_inputs/, with the base scenarios they name (base.ini, a small Bass
# run, and base_*.ini). A base is relative to the sweep file, so the messages about a base name
# the path the sweep file gives.
set(hostile_sweep_inputs ${CMAKE_CURRENT_LIST_DIR}/sweep_inputs)

# hostile_sweep_case(FILE [AS name] CODE n STDERR regex... [ARGS more sweep arguments...]): FILE in
# sweep_inputs/ (or a path), run into hostile/sweep_<name>.h5 (name: FILE's, without
# extension), which must not exist afterwards, nor its .tmp-* and .pairs. The arguments are
# passed on bracket-quoted, one by one, as netadopt_cli_test reads them (a regex may hold a `;`).
function(hostile_sweep_case file)
  get_filename_component(name "${file}" NAME_WE)
  if(ARGV1 STREQUAL "AS")
    set(name "${ARGV2}")
    set(first 3)
  else()
    set(first 1)
  endif()
  if(NOT IS_ABSOLUTE "${file}")
    set(file "${hostile_sweep_inputs}/${file}")
  endif()
  set(out "${hostile_out}/sweep_${name}.h5")
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
  cmake_language(EVAL CODE "netadopt_cli_test([==[hostile sweep: ${name}]==] ARGS sweep [==[${file}]==]
    -o [==[${out}]==] --threads 1 --quiet ${extra} ABSENT [==[${out}]==] ${checks})")
endfunction()

# ---- syntax -------------------------------------------------------------------------------------
hostile_sweep_case(empty.ini CODE 65 STDERR
  [=[empty\.ini: key 'sweep\.base': missing; the base scenario file, e\.g\. base = scenarios/bass\.ini]=]
  [=[empty\.ini: no axis; add an \[axis\.NAME\] section with key = section\.key]=]
  [=[netadopt: 2 problems in the sweep]=])
hostile_sweep_case(comments_only.ini CODE 65 STDERR
  [=[comments_only\.ini: key 'sweep\.base': missing]=] [=[comments_only\.ini: no axis]=])
hostile_sweep_case(unterminated_header.ini CODE 65 STDERR
  [=[unterminated_header\.ini:1: expected a section header like \[sweep\] or \[axis\.NAME\], found '\[sweep']=])
hostile_sweep_case(line_without_equals.ini CODE 65 STDERR
  [=[line_without_equals\.ini:3: expected 'key = value', a \[section\] header or a comment, found 'replications 4']=]
  [=[netadopt: 1 problem in the sweep]=])
hostile_sweep_case(key_before_section.ini CODE 65 STDERR
  [=[key_before_section\.ini:1: key 'base' comes before any \[section\] header]=])
hostile_sweep_case(axis_header_without_name.ini CODE 65 STDERR
  [=[axis_header_without_name\.ini:4: expected a section header like \[sweep\] or \[axis\.NAME\], found '\[axis\.\]']=])
hostile_sweep_case(binary_garbage.bin CODE 65 STDERR
  [=[binary_garbage\.bin:3: not a text file \(found a NUL byte\); expected an INI sweep file]=]
  [=[netadopt: 1 problem in the sweep]=])
hostile_sweep_case(utf16.ini CODE 65 STDERR
  [=[utf16\.ini:1: not a text file \(found a NUL byte\); expected an INI sweep file]=])

# ---- keys: unknown, misspelt, twice, missing ---------------------------------------------------
hostile_sweep_case(unknown_section.ini CODE 65 STDERR
  [=[unknown_section\.ini:9: key 'weather\.rain': unknown key; sections are \[sweep\], \[base\], \[axis\.NAME\] and \[output\]]=])
hostile_sweep_case(misspelt_key.ini CODE 65 STDERR
  [=[misspelt_key\.ini:3: key 'sweep\.replicatons': unknown key; did you mean 'sweep\.replications'\?]=])
hostile_sweep_case(misspelt_axis_key.ini CODE 65 STDERR
  [=[misspelt_axis_key\.ini:6: key 'axis\.p\.value': unknown key; did you mean 'axis\.p\.values'\?]=]
  [=[misspelt_axis_key\.ini:5: key 'axis\.p\.values': missing; an axis needs values, or a range from and to]=]
  [=[netadopt: 2 problems in the sweep]=])
hostile_sweep_case(output_unknown_variable.ini CODE 65 STDERR
  [=[output_unknown_variable\.ini:9: key 'output\.variables': unknown key; sections are \[sweep\], \[base\], \[axis\.NAME\] and \[output\]]=])
hostile_sweep_case(duplicate_key.ini CODE 65 STDERR
  [=[duplicate_key\.ini:4: key 'sweep\.replications': given twice; first on line 3]=])
hostile_sweep_case(missing_base_key.ini CODE 65 STDERR
  [=[missing_base_key\.ini: key 'sweep\.base': missing; the base scenario file]=])
hostile_sweep_case(no_axis.ini CODE 65 STDERR
  [=[no_axis\.ini: no axis; add an \[axis\.NAME\] section with key = section\.key]=])
hostile_sweep_case(axis_without_key.ini CODE 65 STDERR
  [=[axis_without_key\.ini: key 'axis\.p\.key': missing; each \[axis\.NAME\] sets one scenario key: key = section\.key]=])

# ---- the swept key: a scenario key, a number, not run.* or output.*, swept once -----------------
hostile_sweep_case(axis_unknown_scenario_key.ini CODE 65 STDERR
  [=[axis_unknown_scenario_key\.ini:5: key 'axis\.p\.key': 'bass\.pp' is not a scenario key; did you mean 'bass\.p'\?]=])
hostile_sweep_case(axis_not_a_key.ini CODE 65 STDERR
  [=[axis_not_a_key\.ini:5: key 'axis\.rain\.key': 'weather\.rain' is not a scenario key]=])
hostile_sweep_case(axis_choice_key.ini CODE 65 STDERR
  [=[axis_choice_key\.ini:5: key 'axis\.model\.key': 'run\.model' is not a number; only integer and real keys can be swept]=])
hostile_sweep_case(axis_text_key.ini CODE 65 STDERR
  [=[axis_text_key\.ini:5: key 'axis\.name\.key': 'platform1\.name' is not a number; only integer and real keys can be swept]=])
hostile_sweep_case(axis_run_key.ini CODE 65 STDERR
  [=[axis_run_key\.ini:5: key 'axis\.seed\.key': 'run\.seed' cannot be swept: run\.\* and output\.\* keys]=])
hostile_sweep_case(axis_output_key.ini CODE 65 STDERR
  [=[axis_output_key\.ini:5: key 'axis\.interval\.key': 'output\.interval_days' cannot be swept]=])
hostile_sweep_case(axis_same_key_twice.ini CODE 65 STDERR
  [=[axis_same_key_twice\.ini:9: key 'axis\.again\.key': 'bass\.p' is already swept by \[axis\.p\]]=])

# ---- ranges: ends within the swept key's range, finite, in order; steps ------------------------
hostile_sweep_case(range_min_above_max.ini CODE 65 STDERR
  [=[range_min_above_max\.ini:7: key 'axis\.p\.to': must be >= from \(0\.5\), found 0\.1]=])
hostile_sweep_case(range_above_allowed.ini CODE 65 STDERR
  [=[range_above_allowed\.ini:7: key 'axis\.p\.to': for 'bass\.p': value 200 is out of range; allowed \[0, 100\] per year]=])
hostile_sweep_case(range_below_allowed.ini CODE 65 STDERR
  [=[range_below_allowed\.ini:6: key 'axis\.p\.from': for 'bass\.p': value -1 is out of range; allowed \[0, 100\] per year]=])
hostile_sweep_case(range_nan.ini CODE 65 STDERR
  [=[range_nan\.ini:6: key 'axis\.p\.from': for 'bass\.p': expected a finite real number, found 'nan'; allowed \[0, 100\] per year]=]
  [=[netadopt: 1 problem in the sweep]=])
hostile_sweep_case(range_inf.ini CODE 65 STDERR
  [=[range_inf\.ini:7: key 'axis\.p\.to': for 'bass\.p': expected a finite real number, found 'inf'; allowed \[0, 100\] per year]=]
  [=[netadopt: 1 problem in the sweep]=])
hostile_sweep_case(range_minus_inf.ini CODE 65 STDERR
  [=[range_minus_inf\.ini:6: key 'axis\.p\.from': for 'bass\.p': expected a finite real number, found '-inf']=])
hostile_sweep_case(range_overflow.ini CODE 65 STDERR
  [=[range_overflow\.ini:7: key 'axis\.p\.to': for 'bass\.p': value 1e400 is out of range; allowed \[0, 100\] per year]=])
hostile_sweep_case(range_text.ini CODE 65 STDERR
  [=[range_text\.ini:6: key 'axis\.p\.from': for 'bass\.p': expected a real number, found 'low'; allowed \[0, 100\] per year]=])
hostile_sweep_case(range_without_steps.ini CODE 65 STDERR
  [=[range_without_steps\.ini:6: key 'axis\.p\.from': missing steps; a grid range needs from, to and steps]=])
hostile_sweep_case(range_without_to.ini CODE 65 STDERR
  [=[range_without_to\.ini:5: key 'axis\.p\.to': missing; an axis needs values, or a range from and to]=])
hostile_sweep_case(steps_zero.ini CODE 65 STDERR
  [=[steps_zero\.ini:8: key 'axis\.p\.steps': value 0 is out of range; allowed \[2, 1000000\]]=])
hostile_sweep_case(steps_negative.ini CODE 65 STDERR
  [=[steps_negative\.ini:8: key 'axis\.p\.steps': value -3 is out of range; allowed \[2, 1000000\]]=])
hostile_sweep_case(steps_one.ini CODE 65 STDERR
  [=[steps_one\.ini:8: key 'axis\.p\.steps': value 1 is out of range; allowed \[2, 1000000\]]=])
hostile_sweep_case(steps_text.ini CODE 65 STDERR
  [=[steps_text\.ini:8: key 'axis\.p\.steps': expected an integer, found 'many'; allowed \[2, 1000000\]]=])
hostile_sweep_case(log_scale_zero.ini CODE 65 STDERR
  [=[log_scale_zero\.ini:9: key 'axis\.p\.scale': a log scale needs from and to > 0]=])
hostile_sweep_case(unknown_scale.ini CODE 65 STDERR
  [=[unknown_scale\.ini:9: key 'axis\.p\.scale': expected one of: linear, log, found 'exp']=])

# ---- value lists ------------------------------------------------------------------------------------
hostile_sweep_case(values_nan.ini CODE 65 STDERR
  [=[values_nan\.ini:6: key 'axis\.p\.values': expected a comma-separated list of numbers, found '0\.1, nan']=])
hostile_sweep_case(values_empty.ini CODE 65 STDERR
  [=[values_empty\.ini:6: key 'axis\.p\.values': expected a comma-separated list of numbers, found '']=])
hostile_sweep_case(values_empty_item.ini CODE 65 STDERR
  [=[values_empty_item\.ini:6: key 'axis\.p\.values': expected a comma-separated list of numbers, found '0\.1,, 0\.2']=])
hostile_sweep_case(values_out_of_range.ini CODE 65 STDERR
  [=[values_out_of_range\.ini:6: key 'axis\.q\.values': for 'bass\.q': value 200 is out of range; allowed \[0, 100\] per year]=])
hostile_sweep_case(values_integer_fraction.ini CODE 65 STDERR
  [=[values_integer_fraction\.ini:6: key 'axis\.size\.values': for 'population\.size': expected an integer, found '1\.5'; allowed \[1, 2000000000\] agents]=])
hostile_sweep_case(values_and_range.ini CODE 65 STDERR
  [=[values_and_range\.ini:6: key 'axis\.p\.values': give either values or a range \(from, to, steps\), not both; found from]=])

# ---- designs, replications, seed ---------------------------------------------------------------
hostile_sweep_case(unknown_design.ini CODE 65 STDERR
  [=[unknown_design\.ini:3: key 'sweep\.design': expected one of: grid, lhs, sobol, list, found 'morris']=])
hostile_sweep_case(points_zero.ini CODE 65 STDERR
  [=[points_zero\.ini:4: key 'sweep\.points': value 0 is out of range; allowed \[1, 10000000\] points]=])
hostile_sweep_case(points_negative.ini CODE 65 STDERR
  [=[points_negative\.ini:4: key 'sweep\.points': value -4 is out of range; allowed \[1, 10000000\] points]=])
hostile_sweep_case(points_missing.ini CODE 65 STDERR
  [=[points_missing\.ini: key 'sweep\.points': missing; a lhs design needs sweep\.points]=])
hostile_sweep_case(points_with_grid.ini CODE 65 STDERR
  [=[points_with_grid\.ini:3: key 'sweep\.points': a grid has one point per combination of the axes' values]=])
hostile_sweep_case(values_with_lhs.ini CODE 65 STDERR
  [=[values_with_lhs\.ini:8: key 'axis\.p\.values': a lhs design draws values between from and to]=])
hostile_sweep_case(steps_with_sobol.ini CODE 65 STDERR
  [=[steps_with_sobol\.ini:10: key 'axis\.p\.steps': a sobol design draws sweep\.points values; steps are for grid ranges]=])
hostile_sweep_case(replications_zero.ini CODE 65 STDERR
  [=[replications_zero\.ini:3: key 'sweep\.replications': value 0 is out of range; allowed \[1, 100000\]]=])
hostile_sweep_case(replications_huge.ini CODE 65 STDERR
  [=[replications_huge\.ini:3: key 'sweep\.replications': value 1000000 is out of range; allowed \[1, 100000\]]=])
hostile_sweep_case(seed_negative.ini CODE 65 STDERR
  [=[seed_negative\.ini:3: key 'sweep\.seed': value -1 is out of range; allowed \[0, 9007199254740991\]]=])
hostile_sweep_case(seed_overflow.ini CODE 65 STDERR
  [=[seed_overflow\.ini:3: key 'sweep\.seed': value 99999999999999999999 is out of range; allowed \[0, 9007199254740991\]]=])

# ---- list designs: values only, one per point on every axis -------------------------------------
hostile_sweep_case(list_unequal_lengths.ini CODE 65 STDERR
  [=[list_unequal_lengths\.ini:11: key 'axis\.b\.values': axis 'b' lists 3 values but axis 'a' lists 5; design = list needs one value per point on every axis]=]
  [=[netadopt: 1 problem in the sweep]=])
hostile_sweep_case(list_with_range.ini CODE 65 STDERR
  [=[list_with_range\.ini:11: key 'axis\.q\.from': design = list needs values = \.\.\., not from/to]=])
hostile_sweep_case(list_with_points.ini CODE 65 STDERR
  [=[list_with_points\.ini:4: key 'sweep\.points': a list design has one point per value of its axes' values lists; remove sweep\.points]=])
# Exactly the listed points, in order (`.`: the tabs and newlines between the fields).
hostile_sweep_case(list_valid.ini AS list_points ARGS --list-points CODE 0 STDOUT
  [=[^point.bass\.p.bass\.q.seed.status.0.0\.05.0\.2.[0-9]+.ok.1.0\.01.0\.6.[0-9]+.ok.2.0\.03.0\.4.[0-9]+.ok.$]=])

# ---- [base] sections: scenario keys checked as by --set, at the sweep file's line ----------------
hostile_sweep_case(base_section_unknown_key.ini CODE 65 STDERR
  [=[base_section_unknown_key\.ini:6: key 'base\.populaton\.size': unknown key; did you mean 'population\.size'\?]=]
  [=[netadopt: 1 problem in the sweep]=])
hostile_sweep_case(base_section_out_of_range.ini CODE 65 STDERR
  [=[base_section_out_of_range\.ini:5: key 'base\.population\.size': value 0 is out of range; allowed \[1, 2000000000\] agents]=])
hostile_sweep_case(base_section_wrong_type.ini CODE 65 STDERR
  [=[base_section_wrong_type\.ini:6: key 'base\.population\.size': expected an integer, found 'many'; allowed \[1, 2000000000\] agents]=]
  [=[netadopt: 1 problem in the sweep]=])
hostile_sweep_case(base_section_cross_check.ini CODE 65 STDERR
  [=[base_section_cross_check\.ini:6: key 'base\.bass\.initial_adopters': bass\.initial_adopters \(300\) exceeds population\.size \(200\)]=])
hostile_sweep_case(base_section_axis_key.ini CODE 65 STDERR
  [=[base_section_axis_key\.ini:5: key 'base\.bass\.p': 'bass\.p' is swept by \[axis\.p\]; a key is either fixed in \[base\] or swept by an axis, not both]=])
hostile_sweep_case(base_section_run_seed.ini CODE 65 STDERR
  [=[base_section_run_seed\.ini:5: key 'base\.run\.seed': cannot be set in \[base\]: each point's run\.seed is derived from sweep\.seed]=]
  [=[base_section_run_seed\.ini:6: key 'base\.run\.replications': cannot be set in \[base\]: the replications of every point are sweep\.replications]=]
  [=[netadopt: 2 problems in the sweep]=])

# ---- summary dates --------------------------------------------------------------------------------
hostile_sweep_case(dates_malformed.ini CODE 65 STDERR
  [=[dates_malformed\.ini:9: key 'output\.dates': expected a comma-separated list of dates YYYY-MM-DD within the base scenario's run, found '2003-06-01, 2003-13-01']=])
hostile_sweep_case(dates_outside_run.ini CODE 65 STDERR
  [=[dates_outside_run\.ini:9: key 'output\.dates': 2012-01-01 is outside the base run, 2003-01-01 to 2004-01-01]=])

# ---- the base scenario: missing, unreadable, malformed ---------------------------------------------
hostile_sweep_case(base_missing.ini CODE 65 STDERR
  [=[base_missing\.ini:2: key 'sweep\.base': cannot read the base scenario '[^']*no_such_base\.ini': No such file or directory]=])
hostile_sweep_case(base_directory.ini CODE 65 STDERR
  [=[base_directory\.ini:2: key 'sweep\.base': cannot read the base scenario '[^']*': Is a directory]=])
hostile_sweep_case(base_empty_value.ini CODE 65 STDERR
  [=[base_empty_value\.ini:2: key 'sweep\.base': empty value; allowed a scenario file, relative to the sweep file]=])
hostile_sweep_case(base_dev_zero.ini CODE 65 STDERR
  [=[base_dev_zero\.ini:2: key 'sweep\.base': cannot read the base scenario '/dev/zero': larger than 64 MiB]=])
hostile_sweep_case(base_malformed.ini CODE 65 STDERR
  [=[base_malformed_scenario\.ini:3: key 'run\.seed': expected an integer, found 'abc'; allowed \[0, 9007199254740991\]]=]
  [=[base_malformed_scenario\.ini:5: key 'population\.size': value 0 is out of range; allowed \[1, 2000000000\] agents]=]
  [=[netadopt: 2 problems in the sweep]=])
hostile_sweep_case(base_binary.ini CODE 65 STDERR
  [=[binary_garbage\.bin:3: not a text file \(found a NUL byte\); expected an INI scenario file]=])
hostile_sweep_case(base_is_the_sweep.ini CODE 65 STDERR
  [=[base_is_the_sweep\.ini:2: key 'sweep\.base': unknown key; `netadopt describe` lists the keys]=])

# ---- sizes: a design over 10^7 points is refused (a grid's product once overflowed into a
# division by zero); what is left must fit in memory, or the guard refuses it up front (69) --------
hostile_sweep_case(grid_too_many_points.ini CODE 65 STDERR
  [=[grid_too_many_points\.ini:14: key 'axis\.q\.steps': the grid has 1000000000000 points \(1000000 x 1000000 values\); allowed at most 10000000 points]=])
hostile_sweep_case(grid_overflow.ini CODE 65 STDERR
  [=[grid_overflow\.ini:14: key 'axis\.q\.steps': the grid has 1e\+24 points \(1000000 x 1000000 x 1000000 x 1000000 values\); allowed at most 10000000 points]=])
hostile_sweep_case(sobol_too_many_points.ini CODE 65 STDERR
  [=[sobol_too_many_points\.ini:4: key 'sweep\.points': a sobol design of 10000000 base samples over 2 axes has 40000000 points \(points x \(axes \+ 2\)\); allowed at most 10000000 points]=])
hostile_sweep_case(memory_lhs_pairs.ini CODE 69 STDERR
  [=[netadopt: this sweep needs about [0-9.]+ (TiB|PiB) of memory \(10000000 points x 100000 replications: ]=]
  [=[is available \(]=] [=[sweep\.points.*sweep\.replications.*--no-memory-check]=])
hostile_sweep_case(memory_huge_output.ini CODE 69 STDERR
  [=[netadopt: this sweep needs about [0-9.]+ (TiB|PiB) of memory \(2 points x 100000 replications: .* [0-9.]+ (TiB|PiB) of output]=])
hostile_sweep_case(memory_huge_base.ini CODE 69 STDERR
  [=[netadopt: this sweep needs about [0-9.]+ (GiB|TiB) of memory .*1 replication in flight x [0-9.]+ (GiB|TiB) of model state]=]
  [=[population\.size]=])
hostile_sweep_case(memory_swept_population.ini CODE 69 STDERR
  [=[netadopt: this sweep needs about [0-9.]+ (GiB|TiB) of memory .*1 replication in flight x [0-9.]+ (GiB|TiB) of model state]=])
hostile_sweep_case(memory_huge_base.ini AS memory_list_points ARGS --list-points CODE 69 STDERR
  [=[this sweep needs about [0-9.]+ (GiB|TiB) of memory]=])

# ---- files that cannot be read: 66 ---------------------------------------------------------------
hostile_sweep_case(no_such_sweep.ini CODE 66 STDERR
  [=[no_such_sweep\.ini: cannot read the sweep file: No such file or directory]=])
hostile_sweep_case(${hostile_sweep_inputs} AS sweep_directory CODE 66 STDERR
  [=[sweep_inputs: cannot read the sweep file: Is a directory]=])
hostile_sweep_case(/dev/zero AS dev_zero CODE 66 STDERR
  [=[/dev/zero: cannot read the sweep file: larger than 64 MiB; expected a short INI text file]=])

# ---- command-line mistakes (64) and outputs that cannot be created (73) ----------------------------
hostile_sweep_case(small_valid.ini AS shard_out_of_range ARGS --shard 3/3 CODE 64 STDERR
  [=[--shard: expected a shard I/N with 0 <= I < N, found '3/3']=])
hostile_sweep_case(small_valid.ini AS shard_zero_count ARGS --shard 0/0 CODE 64 STDERR
  [=[--shard: expected a shard I/N with 0 <= I < N, found '0/0']=])
hostile_sweep_case(small_valid.ini AS progress_interval_zero ARGS --progress-interval 0 CODE 64
  STDERR [=[--progress-interval must be > 0]=])
hostile_sweep_case(small_valid.ini AS sweep_unknown_flag ARGS --frobnicate CODE 64 STDERR [=[frobnicate]=])
netadopt_cli_test("hostile sweep: output into a missing directory" ARGS sweep
  ${hostile_sweep_inputs}/small_valid.ini -o ${hostile_out}/no_such_dir/sweep.h5 --quiet CODE 73
  ABSENT ${hostile_out}/no_such_dir/sweep.h5 STDERR "output directory '[^']*no_such_dir' does not exist")
netadopt_cli_test("hostile sweep: existing output without --force" ARGS sweep
  ${hostile_sweep_inputs}/small_valid.ini -o ${hostile_out}/sweep_existing.h5 --quiet CODE 73
  TOUCH ${hostile_out}/sweep_existing.h5 STDERR "sweep_existing\\.h5' exists; use --force")

# ---- valid: the small sweep the command-line cases use runs, --no-memory-check is accepted --------
netadopt_cli_test("hostile sweep, valid: small_valid with --no-memory-check" ARGS sweep
  ${hostile_sweep_inputs}/small_valid.ini -o ${hostile_out}/sweep_small_valid.h5 --force
  --no-memory-check --threads 1 CODE 0 STDOUT "2 points x 1 replications")
netadopt_cli_test("hostile sweep, valid: a list design with a [base] section runs" ARGS sweep
  ${hostile_sweep_inputs}/list_valid.ini -o ${hostile_out}/sweep_list_valid.h5 --force --threads 1
  CODE 0 STDOUT "3 points x 1 replications")
