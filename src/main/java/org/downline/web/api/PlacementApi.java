package org.downline.web.api;

import java.util.List;
import org.downline.core.InvalidInputException;
import org.downline.web.Visibility;
import org.downline.web.placement.Placements;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The holding tank and placement (binary plans): staff for everyone, a distributor for their own recruits. */
@RestController
@RequestMapping("/api/v1")
public class PlacementApi {
  private final Placements placements;

  public PlacementApi(Placements placements) {
    this.placements = placements;
  }

  public record Placement(String parent, String position) {}

  @GetMapping("/holding-tank")
  List<Placements.Waiting> holdingTank(Authentication auth) {
    return placements.holdingTank(Visibility.account(auth));
  }

  @PostMapping("/members/{id}/placement")
  Placement place(@PathVariable String id, @RequestBody(required = false) Placement body, Authentication auth) {
    if (body == null || body.parent() == null || body.position() == null) {
      throw InvalidInputException.parameter("body", "give {\"parent\": ID, \"position\": \"left\" or \"right\"}");
    }
    // Refusals (not found 404, not allowed 403, conflict 409) are answered by the web's one error advice.
    placements.place(Visibility.account(auth), id, body.parent(), body.position());
    return body;
  }
}
