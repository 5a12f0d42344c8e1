package org.downline.web.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.downline.core.ConflictException;
import org.downline.core.InputError;
import org.downline.core.InvalidInputException;
import org.downline.core.NotAllowedException;
import org.downline.core.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import jakarta.servlet.RequestDispatcher;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.InternalResourceViewResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal type answers its status in the one JSON shape under /api and the problem page
 * elsewhere; anything else is a 500 whose body has an error id and nothing of the exception, while
 * the log has the same id with the stack trace. A controller of this test throws each one.
 */
class ErrorAnswersTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @RestController
  static class Throwing {
    @GetMapping({"/api/v1/throw/{what}", "/console/throw/{what}"})
    String fail(@PathVariable String what) {
      throw switch (what) {
        case "parameter" -> InvalidInputException.parameter("period", "'2026-13' is not a period of the form YYYY-MM");
        case "rows" -> new InvalidInputException(List.of(new InputError("orders.csv", 3, "pv", "'abc' is not a number"),
            new InputError("orders.csv", 4, "member_id", "unknown member 'Z'")), 2);
        case "missing" -> new NotFoundException("no order 'X9'");
        case "forbidden" -> new NotAllowedException("your role may not use this endpoint");
        case "conflict" -> new ConflictException("period 2026-01 is already closed");
        default -> new NullPointerException("Cannot invoke \"org.downline.network.Network.size()\" because \"secret\" is null");
      };
    }
  }

  MockMvc mvc = MockMvcBuilders.standaloneSetup(new Throwing(), new ErrorPage()).setControllerAdvice(new ErrorAnswers())
      .setViewResolvers(new InternalResourceViewResolver("/templates/", ".html")).build(); // views by name only
  ListAppender<ILoggingEvent> log = new ListAppender<>();
  Logger logger = (Logger) LoggerFactory.getLogger("org.downline.web.errors"); // ErrorAnswers and ErrorPage

  @BeforeEach
  void captureLog() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(log);
  }

  MockHttpServletResponse api(String what) throws Exception {
    return mvc.perform(get("/api/v1/throw/" + what)).andReturn().getResponse();
  }

  static JsonNode json(MockHttpServletResponse r) throws Exception {
    return JSON.readTree(r.getContentAsString());
  }

  @Test
  void eachRefusalHasItsStatusInTheOneShape() throws Exception {
    JsonNode parameter = json(api("parameter"));
    assertThat(parameter.get("status").asInt()).isEqualTo(400);
    assertThat(parameter.get("error").asString()).isEqualTo("Bad Request");
    assertThat(parameter.get("message").asString()).isEqualTo("'2026-13' is not a period of the form YYYY-MM");
    assertThat(parameter.get("details").get(0).get("field").asString()).isEqualTo("period");
    assertThat(parameter.get("details").get(0).has("file")).isFalse();

    MockHttpServletResponse rows = api("rows");
    assertThat(rows.getStatus()).isEqualTo(422);
    JsonNode r = json(rows);
    assertThat(r.get("message").asString()).isEqualTo("2 input errors, nothing written");
    assertThat(r.get("details")).hasSize(2);
    assertThat(r.get("details").get(1).get("file").asString()).isEqualTo("orders.csv");
    assertThat(r.get("details").get(1).get("line").asLong()).isEqualTo(4);
    assertThat(r.get("details").get(1).get("field").asString()).isEqualTo("member_id");
    assertThat(r.get("details").get(1).get("reason").asString()).isEqualTo("unknown member 'Z'");

    for (String[] c : new String[][] {{"missing", "404", "Not Found", "no order 'X9'"},
        {"forbidden", "403", "Forbidden", "your role may not use this endpoint"},
        {"conflict", "409", "Conflict", "period 2026-01 is already closed"}}) {
      MockHttpServletResponse res = api(c[0]);
      assertThat(res.getStatus()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
      JsonNode e = json(res);
      assertThat(e.get("status").asInt()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
      assertThat(e.get("error").asString()).as(c[0]).isEqualTo(c[2]);
      assertThat(e.get("message").asString()).as(c[0]).isEqualTo(c[3]);
      assertThat(e.get("details").isArray() && e.get("details").isEmpty()).as(c[0]).isTrue();
      assertThat(e.has("errorId")).as("a refusal is no bug: " + c[0]).isFalse();
    }
    assertThat(log.list).as("refusals are not logged as bugs").isEmpty();
  }

  @Test
  void aBugAnswers500WithAnErrorIdThatTheLogCarriesWithTheTrace() throws Exception {
    MockHttpServletResponse res = api("bug");
    assertThat(res.getStatus()).isEqualTo(500);
    String body = res.getContentAsString();
    JsonNode e = JSON.readTree(body);
    String id = e.get("errorId").asString();
    assertThat(id).matches("[a-z2-9]{12}");
    assertThat(e.get("status").asInt()).isEqualTo(500);
    assertThat(e.get("message").asString()).contains("server log");
    assertThat(body).doesNotContain("NullPointer", "Exception", "secret", "org.downline", "at ");

    assertThat(log.list).hasSize(1);
    ILoggingEvent event = log.list.get(0);
    assertThat(event.getFormattedMessage()).contains(id).contains("/api/v1/throw/bug");
    String trace = ThrowableProxyUtil.asString(event.getThrowableProxy());
    assertThat(trace).contains("NullPointerException").contains("ErrorAnswersTest$Throwing.fail");

    String other = json(api("bug")).get("errorId").asString();
    assertThat(other).as("each bug its own id").isNotEqualTo(id);
  }

  @Test
  void pagesGetTheProblemPageForARefusalAndTheErrorPageWithTheIdForABug() throws Exception {
    MvcResult missing = mvc.perform(get("/console/throw/missing")).andReturn();
    assertThat(missing.getResponse().getStatus()).isEqualTo(404);
    assertThat(missing.getModelAndView().getViewName()).isEqualTo("problem");
    assertThat(missing.getModelAndView().getModel()).containsEntry("message", "no order 'X9'").containsEntry("status", 404);

    MvcResult conflict = mvc.perform(get("/console/throw/conflict")).andReturn();
    assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
    assertThat(conflict.getModelAndView().getModel()).containsEntry("message", "period 2026-01 is already closed");

    MvcResult bug = mvc.perform(get("/console/throw/bug")).andReturn();
    assertThat(bug.getResponse().getStatus()).isEqualTo(500);
    assertThat(bug.getModelAndView().getViewName()).isEqualTo("error");
    String id = (String) bug.getModelAndView().getModel().get("errorId");
    assertThat(id).matches("[a-z2-9]{12}");
    assertThat(bug.getModelAndView().getModel()).doesNotContainKey("message");
    assertThat(log.list).hasSize(1);
    assertThat(log.list.get(0).getFormattedMessage()).contains(id);
  }

  /** Failures outside controllers reach the container's error dispatch: the same shapes, the same id rule. */
  @Test
  void theErrorDispatchAnswersInTheSameShapes() throws Exception {
    MockHttpServletResponse none = mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/nope")).andReturn().getResponse();
    assertThat(none.getStatus()).isEqualTo(404);
    assertThat(json(none).get("message").asString()).isEqualTo("no such endpoint");
    assertThat(json(none).has("errorId")).isFalse();

    MockHttpServletResponse failed = mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/members")
        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("filter broke"))).andReturn().getResponse();
    assertThat(failed.getStatus()).isEqualTo(500);
    String id = json(failed).get("errorId").asString();
    assertThat(id).matches("[a-z2-9]{12}");
    assertThat(failed.getContentAsString()).doesNotContain("filter broke", "IllegalState");
    assertThat(log.list).hasSize(1);
    assertThat(log.list.get(0).getFormattedMessage()).contains(id).contains("/api/v1/members");
    assertThat(ThrowableProxyUtil.asString(log.list.get(0).getThrowableProxy())).contains("filter broke");

    MvcResult page = mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/console")).andReturn();
    assertThat(page.getResponse().getStatus()).isEqualTo(403);
    assertThat(page.getModelAndView().getViewName()).isEqualTo("error");
    assertThat(page.getModelAndView().getModel()).containsEntry("status", 403).doesNotContainKey("errorId");
  }
}
