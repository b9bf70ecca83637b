package dev.outbox.notifier.dispatch;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * Renders notifications with FreeMarker from {@code classpath:/templates/notifier}. A template
 * {@code name} is three files for an email, {@code name.subject.ftl}, {@code name.html.ftlh} (HTML
 * auto-escaped) and {@code name.txt.ftl}, or one for an SMS, {@code name.sms.ftl}. A variable the
 * template uses but the model lacks is an error ({@link TemplateFailure}), never an empty string.
 */
public final class NotificationTemplates {

  private final Configuration freemarker;

  public NotificationTemplates() {
    freemarker = new Configuration(Configuration.VERSION_2_3_34);
    freemarker.setClassForTemplateLoading(NotificationTemplates.class, "/templates/notifier");
    freemarker.setDefaultEncoding("UTF-8");
    freemarker.setRecognizeStandardFileExtensions(true);
    freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    freemarker.setLogTemplateExceptions(false);
    freemarker.setWrapUncheckedExceptions(true);
    freemarker.setFallbackOnNullLoopVariable(false);
    freemarker.setNumberFormat("computer");
  }

  public RenderedEmail email(String name, Map<String, ?> model) {
    return new RenderedEmail(
        render(name + ".subject.ftl", model).strip(),
        render(name + ".html.ftlh", model),
        render(name + ".txt.ftl", model));
  }

  // FreeMarker appends multi-line tips; a dead-letter header needs only the diagnosis.
  private static String firstParagraph(TemplateException e) {
    String message = e.getMessageWithoutStackTop();
    int tip = message.indexOf("\n\n");
    return (tip < 0 ? message : message.substring(0, tip)).replace('\n', ' ').strip();
  }

  public String sms(String name, Map<String, ?> model) {
    return render(name + ".sms.ftl", model).strip();
  }

  private String render(String file, Map<String, ?> model) {
    try {
      Template template = freemarker.getTemplate(file);
      StringWriter out = new StringWriter();
      template.process(model, out);
      return out.toString();
    } catch (TemplateException e) {
      throw new TemplateFailure(
          "template " + file + " failed: " + e.getMessageWithoutStackTop(), e);
    } catch (IOException e) {
      throw new TemplateFailure("template " + file + " cannot be loaded: " + e.getMessage(), e);
    }
  }
}
