#include "run.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace maxpods::test {
namespace {

std::vector<std::string> environment(const std::map<std::string, std::string>& changes) {
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string text = *entry;
    if (!changes.contains(text.substr(0, text.find('=')))) {
      env.push_back(text);
    }
  }
  for (const auto& [name, value] : changes) {
    env.push_back(name + "=" + value);
  }
  return env;
}

}  // namespace

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Run run_program(const std::string& program, const std::vector<std::string>& args,
                const std::map<std::string, std::string>& env) {
  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);

  std::vector<std::string> argv_strings{program};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_strings) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  std::vector<std::string> env_strings = environment(env);
  std::vector<char*> envp;
  for (auto& entry : env_strings) {
    envp.push_back(entry.data());
  }
  envp.push_back(nullptr);

  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  Run run;
  // Read both pipes until both close, so a child filling one never blocks on the other.
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&run.out, &run.err};
  int open_pipes = 2;
  char buffer[65536];
  while (open_pipes > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) {
        continue;
      }
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
        ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
        if (n > 0) {
          sinks[i]->append(buffer, static_cast<std::size_t>(n));
        } else if (n == 0 || errno != EINTR) {
          close(fds[i].fd);
          fds[i].fd = -1;
          --open_pipes;
        }
      }
    }
  }
  if (spawned != 0) {
    throw std::runtime_error("cannot start " + program);
  }
  int wstatus = 0;
  waitpid(pid, &wstatus, 0);
  run.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
  return run;
}

std::string maxpods_binary() {
  const char* binary = std::getenv("MAXPODS_TEST_BINARY");
  return binary != nullptr && *binary != '\0' ? binary : MAXPODS_BINARY;
}

Run run_maxpods(const std::vector<std::string>& args,
                const std::map<std::string, std::string>& env) {
  const char* emulator = std::getenv("MAXPODS_TEST_EMULATOR");
  if (emulator == nullptr || *emulator == '\0') {
    return run_program(maxpods_binary(), args, env);
  }
  std::vector<std::string> emulated{maxpods_binary()};
  emulated.insert(emulated.end(), args.begin(), args.end());
  return run_program(emulator, emulated, env);
}

std::size_t golden_stride() {
  const char* stride = std::getenv("MAXPODS_TEST_GOLDEN_STRIDE");
  if (stride == nullptr || *stride == '\0') {
    return 1;
  }
  std::size_t value = std::stoul(stride);
  return value == 0 ? 1 : value;
}

}  // namespace maxpods::test
