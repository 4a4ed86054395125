use clap::Parser;

fn main() {
    let cli = unlsp::cli::Cli::parse();
    std::process::exit(unlsp::cli::run(cli));
}
