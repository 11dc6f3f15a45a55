//! The tensors whisper.cpp expects in a model file, derived from the
//! hyper-parameters: names, shapes and element types. Import writes exactly this
//! table and verify checks a file against it, so the two can never drift apart.

use super::ggml::{Hparams, TensorType};

/// One expected tensor; `shape` is outermost first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TensorSpec {
    pub name: String,
    pub shape: Vec<usize>,
    pub ty: TensorType,
}

/// Every tensor of a model with these hyper-parameters, in the order import writes them.
pub fn expected_tensors(h: &Hparams) -> Vec<TensorSpec> {
    let (w, conv) = (h.weight_type(), h.conv_type());
    let f32 = TensorType::F32;
    let (audio, text) = (h.n_audio_state as usize, h.n_text_state as usize);
    let mut t = Vec::new();
    let mut add =
        |name: String, shape: &[usize], ty| t.push(TensorSpec { name, shape: shape.to_vec(), ty });

    add("encoder.positional_embedding".into(), &[h.n_audio_ctx as usize, audio], f32);
    add("encoder.conv1.weight".into(), &[audio, h.n_mels as usize, 3], conv);
    add("encoder.conv1.bias".into(), &[audio, 1], f32);
    add("encoder.conv2.weight".into(), &[audio, audio, 3], conv);
    add("encoder.conv2.bias".into(), &[audio, 1], f32);
    for i in 0..h.n_audio_layer as usize {
        block(&mut add, &format!("encoder.blocks.{i}"), audio, w, false);
    }
    add("encoder.ln_post.weight".into(), &[audio], f32);
    add("encoder.ln_post.bias".into(), &[audio], f32);

    add("decoder.positional_embedding".into(), &[h.n_text_ctx as usize, text], f32);
    add("decoder.token_embedding.weight".into(), &[h.n_vocab as usize, text], w);
    for i in 0..h.n_text_layer as usize {
        block(&mut add, &format!("decoder.blocks.{i}"), text, w, true);
    }
    add("decoder.ln.weight".into(), &[text], f32);
    add("decoder.ln.bias".into(), &[text], f32);
    t
}

/// One transformer block: self-attention, optional cross-attention, the MLP.
fn block(
    add: &mut impl FnMut(String, &[usize], TensorType),
    prefix: &str,
    n: usize,
    w: TensorType,
    cross: bool,
) {
    let f32 = TensorType::F32;
    let mut attention = |kind: &str| {
        add(format!("{prefix}.{kind}_ln.weight"), &[n], f32);
        add(format!("{prefix}.{kind}_ln.bias"), &[n], f32);
        add(format!("{prefix}.{kind}.query.weight"), &[n, n], w);
        add(format!("{prefix}.{kind}.query.bias"), &[n], f32);
        add(format!("{prefix}.{kind}.key.weight"), &[n, n], w);
        add(format!("{prefix}.{kind}.value.weight"), &[n, n], w);
        add(format!("{prefix}.{kind}.value.bias"), &[n], f32);
        add(format!("{prefix}.{kind}.out.weight"), &[n, n], w);
        add(format!("{prefix}.{kind}.out.bias"), &[n], f32);
    };
    attention("attn");
    if cross {
        attention("cross_attn");
    }
    add(format!("{prefix}.mlp_ln.weight"), &[n], f32);
    add(format!("{prefix}.mlp_ln.bias"), &[n], f32);
    add(format!("{prefix}.mlp.0.weight"), &[4 * n, n], w);
    add(format!("{prefix}.mlp.0.bias"), &[4 * n], f32);
    add(format!("{prefix}.mlp.2.weight"), &[n, 4 * n], w);
    add(format!("{prefix}.mlp.2.bias"), &[n], f32);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiny_has_whisper_cpps_tensor_count() {
        let h = Hparams {
            n_vocab: 51864,
            n_audio_ctx: 1500,
            n_audio_state: 384,
            n_audio_head: 6,
            n_audio_layer: 4,
            n_text_ctx: 448,
            n_text_state: 384,
            n_text_head: 6,
            n_text_layer: 4,
            n_mels: 80,
            ftype: 1,
        };
        let t = expected_tensors(&h);
        // 5 + 15 per encoder block + 2, then 2 + 24 per decoder block + 2.
        assert_eq!(t.len(), 5 + 15 * 4 + 2 + 2 + 24 * 4 + 2);
        let names: std::collections::HashSet<_> = t.iter().map(|s| &s.name).collect();
        assert_eq!(names.len(), t.len(), "names are unique");
        assert!(t.iter().any(|s| s.name == "decoder.blocks.3.cross_attn.key.weight"));
        assert!(!t.iter().any(|s| s.name.ends_with("key.bias")));
    }
}
