package contract

import (
	_ "embed"
)

var (
	//go:embed testdata/good.json
	goodJSON []byte
	//go:embed testdata/vague.json
	vagueJSON []byte
)

// SampleAgreement returns sample data: a realistic agreement that passes the
// checklist. GlowCo (America/New_York, Mon–Fri 09:00–17:00) books Maya Reyes
// (America/Los_Angeles, Mon–Fri 10:00–18:00) for 1 TikTok video of 20–35 s
// posted Mon 2027-03-15 12:00 and 3 Instagram story frames with a link sticker
// posted between 15 and 17 March; the default service terms with Net 15 after
// invoice and live links; paid and organic usage for 3 months, whitelisting
// for 30 days capped at 5000.00 USD in the US and Canada, skincare
// exclusivity for 30 days, all priced on an example rate card; a metric-source
// clause, an escalation path and a quiet-hours line. The figures are
// illustrations, not market data or advice. Each call decodes a new value.
func SampleAgreement() Agreement { return mustDecodeSample(goodJSON) }

// VagueAgreement returns sample data: a deliberately vague agreement (one
// TikTok without a length or a date, no backups, no metric source, rights
// granted but not priced, perpetual usage, a rush without a fee, ...) that,
// well formed as it is, trips most of the checklist. Each call decodes a new
// value.
func VagueAgreement() Agreement { return mustDecodeSample(vagueJSON) }

// mustDecodeSample decodes an embedded sample; the package's tests prove that
// each one decodes.
func mustDecodeSample(data []byte) Agreement {
	a, err := DecodeAgreement(data)
	if err != nil {
		panic("contract: embedded sample does not decode: " + err.Error())
	}
	return a
}
