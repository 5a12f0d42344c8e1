package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** An order through the API keeps the rules of an imported file: ids, code lengths, dates within bounds. */
class ApiInputRulesTest extends WebTestBase {
  @Autowired MockMvc mvc;

  private MockHttpServletResponse order(String json) throws Exception {
    return mvc.perform(post("/api/v1/orders").header("Idempotency-Key", java.util.UUID.randomUUID().toString()).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        (TestCompany.ADMIN + ":" + TestCompany.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
  }

  @Test
  void aCampaignOf65CharactersAnIdOutsideTheSetAndAFutureDateAreNamedRefusals() throws Exception {
    var longCampaign = order("{\"id\":\"R1\",\"memberId\":\"D\",\"date\":\"2026-02-15\",\"pv\":10,\"cv\":10,\"total\":10,"
        + "\"campaign\":\"" + "C".repeat(65) + "\"}");
    assertThat(longCampaign.getStatus()).as(longCampaign.getContentAsString()).isEqualTo(422);
    assertThat(longCampaign.getContentAsString()).contains("\"field\":\"campaign\"", "at most 64");
    var badId = order("{\"id\":\"R 2\",\"memberId\":\"D\",\"date\":\"2026-02-15\",\"pv\":10,\"cv\":10,\"total\":10}");
    assertThat(badId.getStatus()).isEqualTo(422);
    assertThat(badId.getContentAsString()).contains("\"field\":\"id\"", "letters, digits");
    String future = LocalDate.now(ZoneOffset.UTC).plusYears(9).toString();
    var later = order("{\"id\":\"R3\",\"memberId\":\"D\",\"date\":\"" + future + "\",\"pv\":10,\"cv\":10,\"total\":10}");
    assertThat(later.getStatus()).isEqualTo(422);
    assertThat(later.getContentAsString()).contains("\"field\":\"date\"", "records dated in the future are refused");
  }
}
