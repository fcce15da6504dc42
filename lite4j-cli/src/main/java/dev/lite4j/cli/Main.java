package dev.lite4j.cli;

import dev.lite4j.Lite4jException;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lite4j} command. Exit codes: 0 success, 1 failure (bad model, unsupported operator,
 * missing file, a golden check that fails), 2 usage error. Errors are one line on stderr, never a
 * stack trace (set {@code LITE4J_DEBUG=1} to get one).
 */
@Command(name = "lite4j", mixinStandardHelpOptions = true, version = "lite4j 0.1.0-SNAPSHOT",
    description = "Runs TensorFlow Lite models on the JVM, in pure Java.",
    subcommands = {InspectCommand.class, RunCommand.class, ClassifyCommand.class, CheckCommand.class,
        BenchmarkCommand.class, CompareCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (inspect, run, classify, check, benchmark, compare)");
  }

  public static void main(String[] args) {
    // One line per log record, as TensorFlow Lite prints its own ("INFO: test: replaced 2 of 3 nodes, ...").
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
    }
    System.exit(execute(System.out, System.err, args));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(o);
    cl.setErr(e);
    // benchmark_model's flag parser lets a later flag override an earlier one; scripts rely on it.
    cl.getSubcommands().get("benchmark").setOverwrittenOptionsAllowed(true);
    cl.setParameterExceptionHandler((ex, a) -> {
      CommandLine cmd = ex.getCommandLine();
      cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage() + " (see '"
          + cmd.getCommandSpec().qualifiedName() + " --help')");
      return CommandLine.ExitCode.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + message(ex));
      if (System.getenv("LITE4J_DEBUG") != null) {
        ex.printStackTrace(cmd.getErr());
      }
      return ex instanceof CliException c ? c.exitCode() : 1;
    });
    try {
      return cl.execute(args);
    } finally {
      o.flush();
      e.flush();
    }
  }

  /** One line saying what went wrong. */
  static String message(Throwable ex) {
    return switch (ex) {
      case CliException c -> c.getMessage();
      case UnsupportedOperatorException u -> "unsupported: " + u.getMessage();
      case ModelFormatException m -> "bad model: " + m.getMessage();
      case Lite4jException l -> l.getMessage();
      case NoSuchFileException n -> "file not found: " + n.getFile();
      case AccessDeniedException a -> "permission denied: " + a.getFile();
      case UncheckedIOException u -> message(u.getCause());
      case IOException io -> io.getMessage() != null ? io.getMessage() : io.toString();
      case IllegalArgumentException i -> i.getMessage();
      case UnsupportedOperationException u -> u.getMessage();
      case OutOfMemoryError m -> "out of memory (raise the JVM's -Xmx): " + m.getMessage();
      default -> "internal error: " + ex;
    };
  }
}
