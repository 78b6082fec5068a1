package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each kind of line does under -q, -v, on a terminal, in a pipe, in CI and with NO_COLOR. */
class ConsoleTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Console console(
      Console.Verbosity verbosity, boolean terminal, Map<String, String> environment) {
    return Console.forStreams(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        verbosity,
        terminal,
        environment);
  }

  private void everyKind(Console console) {
    console.progress("progress");
    console.info("info");
    console.detail("detail");
    console.warning("warning");
    console.flag("rename", "flag");
    console.success("success");
    console.result("result");
    console.error("error");
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTerminalGetsColourAndProgress() {
    everyKind(console(Console.Verbosity.NORMAL, true, Map.of()));
    assertTrue(out().contains("\u001b["), out());
    assertTrue(err().contains("\rprogress") || err().contains("progress"), err());
    assertTrue(
        err().contains("\u001b[2K"),
        "the progress line is cleared before the next output: " + err());
  }

  @Test
  void aPipeGetsPlainTextAndNoProgress() {
    everyKind(console(Console.Verbosity.NORMAL, false, Map.of()));
    assertFalse((out() + err()).contains("\u001b"), out() + err());
    assertEquals("info\n  REVIEW(rename) flag\nsuccess\nresult\n", out());
    assertEquals("warning: warning\nerror: error\n", err());
  }

  @Test
  void noColorAndDumbTerminalsGetNoColourAndCiNoProgress() {
    everyKind(console(Console.Verbosity.NORMAL, true, Map.of("NO_COLOR", "")));
    assertFalse(out().contains("\u001b"), out());
    out.reset();
    err.reset();
    everyKind(console(Console.Verbosity.NORMAL, true, Map.of("TERM", "dumb")));
    assertFalse(out().contains("\u001b"), out());
    out.reset();
    err.reset();
    everyKind(console(Console.Verbosity.NORMAL, true, Map.of("CI", "true")));
    assertFalse(err().contains("progress"), "no progress in CI logs: " + err());
  }

  @Test
  void quietKeepsResultsAndErrorsVerboseAddsDetails() {
    everyKind(console(Console.Verbosity.QUIET, false, Map.of()));
    assertEquals("success\nresult\n", out());
    assertEquals("error: error\n", err());
    out.reset();
    err.reset();
    everyKind(console(Console.Verbosity.VERBOSE, false, Map.of()));
    assertTrue(err().contains("detail\n"), err());
    assertFalse(
        err().contains("progress"),
        "no progress under -v, whose details would interleave: " + err());
  }

  @Test
  void aDocumentOnStandardOutputSendsTheLinesForPeopleToStandardError() {
    Console console = console(Console.Verbosity.NORMAL, false, Map.of());
    console.documentOnStandardOutput();
    console.info("Comparing the entities with the template tenant t_00 (tenants.template)");
    console.result("{\"tenants\": []}");
    assertEquals("{\"tenants\": []}\n", out().replace("\r\n", "\n"));
    assertTrue(err().contains("template tenant t_00"), err());
  }
}
