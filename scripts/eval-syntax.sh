#!/usr/bin/env bash
# Train (optionally) and evaluate Dyad's syntax models on the held-out UD test sets.
#
#   scripts/eval-syntax.sh            evaluate the models shipped in src/Dyad/models (or $DYAD_MODELS)
#   scripts/eval-syntax.sh --train    first retrain both models into $OUT (default /tmp/dyad-models),
#                                     exactly as the shipped ones were trained, then evaluate those
#
# Run from the repository root; treebanks are read from ../shared/ud. Not part of CI (training takes
# several minutes per language). Output: gold-token scores (dyad parse --conllu + dyad parse --score)
# and raw-text CoNLL 2018 scores (dyad parse --eval) for en_ewt test and nl_alpino test.
set -euo pipefail
cd "$(dirname "$0")/.."
UD=../shared/ud
OUT=${OUT:-/tmp/dyad-models}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

dotnet build src/Dyad.Cli -c Release -o "$TMP/bin" 2>&1 | grep -E " error |rror\(s\)" || true
DYAD="$TMP/bin/dyad"

if [[ "${1:-}" == "--train" ]]; then
  mkdir -p "$OUT"
  # English: EWT train, best epoch chosen on EWT dev.
  "$DYAD" train --lang en --seed 1 --trans-bits 22 --whole-ambiguity --train $UD/en_ewt/en_ewt-ud-train.conllu \
      --dev $UD/en_ewt/en_ewt-ud-dev.conllu --out "$OUT" | tee "$OUT/en.train.log"
  # Dutch: LassySmall train + Alpino dev (seen 3 times per epoch), best epoch chosen on LassySmall dev.
  "$DYAD" train --lang nl --seed 1 --no-ambiguity --train $UD/nl_lassysmall/nl_lassysmall-ud-train.conllu,$UD/nl_alpino/nl_alpino-ud-dev.conllu*3 \
      --dev $UD/nl_lassysmall/nl_lassysmall-ud-dev.conllu --out "$OUT" | tee "$OUT/nl.train.log"
  export DYAD_MODELS="$OUT"
fi

for spec in en:$UD/en_ewt/en_ewt-ud-test.conllu nl:$UD/nl_alpino/nl_alpino-ud-test.conllu; do
  lang=${spec%%:*}; gold=${spec#*:}
  echo "=== $lang gold tokens: $(basename "$gold")"
  "$DYAD" parse --lang "$lang" --conllu "$gold" > "$TMP/$lang.sys.conllu"
  "$DYAD" parse --score "$gold" "$TMP/$lang.sys.conllu"
  echo "=== $lang raw text: $(basename "$gold")"
  "$DYAD" parse --lang "$lang" --eval "$gold"
  if [[ $lang == nl ]]; then
    echo "=== $lang raw text, paragraph breaks from Alpino sentence ids: $(basename "$gold")"
    "$DYAD" parse --lang "$lang" --eval "$gold" --par-from-ids
  fi
done
