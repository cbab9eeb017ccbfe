// Companies found in page text by POST /api/v1/companies/mentions, reduced to one chip per listed company.

/** One entry per KRX code, in order of first mention; mentions the backend could not tie to a company are skipped. */
export function companiesFromMentions(mentions) {
  const companies = new Map();
  for (const mention of Array.isArray(mentions) ? mentions : []) {
    const company = mention?.company;
    if (!company?.krxCode || companies.has(company.krxCode)) continue;
    companies.set(company.krxCode, {
      krxCode: company.krxCode,
      name: company.name || mention.text || company.krxCode,
      nameEn: company.nameEn ?? '',
      market: company.market ?? '',
    });
  }
  return [...companies.values()];
}
