/**
 * Bulk dry-run validation ({@code POST /api/v1/environments/{env}/validate}): many planned writes checked by the
 * services' own write rules in one request, nothing written. Used by the Terraform provider at plan time.
 */
package io.dashplane.server.validation;
