package dev.retort.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The README's table of the plugin's goals and parameters, written from the plugin descriptor the
 * build generates ({@code META-INF/maven/plugin.xml}), so it says what Maven will accept.
 * Parameters every goal has are listed once; each goal then lists its own.
 */
public final class GoalReference {

  /** One parameter as a user sets it. */
  private record Parameter(String name, String property, String defaultValue, String meaning) {
    String row(String goal) {
      return "| "
          + goal
          + " | `"
          + name
          + "` | "
          + (property == null ? "" : "`-D" + property + "`")
          + " | "
          + (defaultValue == null ? "" : "`" + defaultValue + "`")
          + " | "
          + meaning.replace("|", "\\|")
          + " |\n";
    }
  }

  private record Goal(String name, String description, List<Parameter> parameters) {}

  private GoalReference() {}

  public static String markdown(Path descriptor) throws Exception {
    List<Goal> goals = goals(descriptor);
    Set<String> common = new TreeSet<>();
    goals.get(0).parameters().forEach(p -> common.add(p.name()));
    goals.forEach(g -> common.retainAll(g.parameters().stream().map(Parameter::name).toList()));

    StringBuilder text = new StringBuilder("| goal | what it does |\n|---|---|\n");
    for (Goal goal : goals) {
      text.append("| `retort:").append(goal.name()).append("` | ");
      text.append(goal.description().replace("|", "\\|")).append(" |\n");
    }
    text.append("\n| goal | parameter | property | default | meaning |\n|---|---|---|---|---|\n");
    for (Parameter parameter : goals.get(0).parameters()) {
      if (common.contains(parameter.name())) {
        text.append(parameter.row("all"));
      }
    }
    for (Goal goal : goals) {
      for (Parameter parameter : goal.parameters()) {
        if (!common.contains(parameter.name())) {
          text.append(parameter.row("`" + goal.name() + "`"));
        }
      }
    }
    return text.toString();
  }

  private static List<Goal> goals(Path descriptor) throws Exception {
    Document document =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile());
    List<Goal> goals = new ArrayList<>();
    NodeList mojos = document.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      Map<String, Element> configuration = new LinkedHashMap<>();
      for (Element setting : children(child(mojo, "configuration"))) {
        configuration.put(setting.getTagName(), setting);
      }
      List<Parameter> parameters = new ArrayList<>();
      for (Element parameter : children(child(mojo, "parameters"))) {
        if (!text(parameter, "editable").equals("true")) {
          continue; // read-only: the build fills it (the project's classpath)
        }
        String name = text(parameter, "name");
        Element setting = configuration.get(name);
        String expression = setting == null ? "" : setting.getTextContent().trim();
        parameters.add(
            new Parameter(
                name,
                expression.startsWith("${")
                    ? expression.substring(2, expression.length() - 1)
                    : null,
                setting == null || !setting.hasAttribute("default-value")
                    ? null
                    : setting.getAttribute("default-value"),
                text(parameter, "description")));
      }
      goals.add(new Goal(text(mojo, "goal"), text(mojo, "description"), parameters));
    }
    return goals;
  }

  private static Element child(Element parent, String name) {
    for (Element element : children(parent)) {
      if (element.getTagName().equals(name)) {
        return element;
      }
    }
    throw new IllegalStateException("no <" + name + "> in <" + parent.getTagName() + ">");
  }

  private static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element) {
        elements.add((Element) node);
      }
    }
    return elements;
  }

  private static String text(Element parent, String name) {
    return child(parent, name).getTextContent().trim().replaceAll("\\s+", " ");
  }
}
