# Writes the man page and the shell completions from the built binary, so they say what its
# --help says. Run as: cmake -DMAXPODS=<binary> -DOUT_DIR=<dir> -DVERSION=<x.y.z> -P GenerateDocs.cmake
# A cross-compiled binary runs through -DMAXPODS_EMULATOR=<program|arg|...> (qemu-aarch64).

string(REPLACE "|" ";" emulator "${MAXPODS_EMULATOR}")

function(run_maxpods out)
  execute_process(COMMAND ${emulator} ${MAXPODS} ${ARGN} OUTPUT_VARIABLE text
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "maxpods ${ARGN} failed with status ${status}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Help text as a troff no-fill block: backslashes escaped, lines starting with . or ' guarded.
function(troff_block out text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} ".nf\n${text}.fi\n" PARENT_SCOPE)
endfunction()

run_maxpods(main_help --help)
troff_block(main_block "${main_help}")
set(page ".TH MAXPODS 1 \"\" \"maxpods ${VERSION}\" \"User Commands\"
.SH NAME
maxpods \\- how many pods an EC2 instance type can run on EKS, computed offline
.SH SYNOPSIS
.B maxpods
\\fB\\-\\-instance\\-type\\fR \\fITYPE\\fR [\\fIOPTIONS\\fR]
.br
.B maxpods
\\fICOMMAND\\fR [\\fIOPTIONS\\fR]
.SH DESCRIPTION
${main_block}.SH COMMANDS
")
foreach(command explain list capacity check "table generate" completion)
  string(REPLACE " " ";" words "${command}")
  run_maxpods(help ${words} --help)
  troff_block(block "${help}")
  string(APPEND page ".SS maxpods ${command}\n${block}")
endforeach()
string(APPEND page ".SH SEE ALSO
The README of maxpods: every command with an example, and where the instance table comes from.
")
file(WRITE ${OUT_DIR}/maxpods.1 "${page}")

run_maxpods(bash completion bash)
file(WRITE ${OUT_DIR}/maxpods.bash "${bash}")
run_maxpods(zsh completion zsh)
file(WRITE ${OUT_DIR}/_maxpods "${zsh}")
